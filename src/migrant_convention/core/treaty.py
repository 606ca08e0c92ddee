"""Treaties and their rules, as data.

The rules of a treaty's final clauses — how consent is expressed, when it
enters into force, when it enters into force for each later State, how it is
denounced — are plain values, so a treaty with other rules is another value,
not another class.

>>> from datetime import date
>>> rule = Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH)
>>> rule.apply(date(2007, 6, 5))   # Albania: in force for it on 1 October 2007
datetime.date(2007, 10, 1)
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

import attrs

from .acts import ActKind
from .dates import add_months

__all__ = [
    "Alignment",
    "Delay",
    "DenunciationRule",
    "EntryIntoForceRule",
    "Rules",
    "Treaty",
]


class Alignment(enum.Enum):
    """What happens to a date after the delay has run."""

    #: The date itself ("on the thirtieth day after the deposit").
    NONE = "none"
    #: "The first day of the month following" the period.
    FIRST_OF_NEXT_MONTH = "first_of_next_month"


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, not {value}")


@attrs.frozen
class Delay:
    """A period after a date, then an optional alignment.

    The period is *months* calendar months (a day missing from a shorter
    month becomes that month's last day) plus *days* days.
    """

    months: int = attrs.field(default=0, validator=_non_negative)
    days: int = attrs.field(default=0, validator=_non_negative)
    alignment: Alignment = Alignment.NONE

    def apply(self, start: date) -> date:
        """The date this delay leads to from *start*.

        >>> Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH).apply(date(2003, 3, 14))
        datetime.date(2003, 7, 1)
        >>> Delay(days=30).apply(date(2020, 1, 31))
        datetime.date(2020, 3, 1)
        """
        end = add_months(start, self.months) + timedelta(days=self.days)
        if self.alignment is Alignment.FIRST_OF_NEXT_MONTH:
            return add_months(end.replace(day=1), 1)
        return end


@attrs.frozen
class EntryIntoForceRule:
    """When the treaty enters into force, and when for each later participant.

    :ivar instruments: how many instruments of consent are needed.
    :ivar delay: from the deposit of the last of them to entry into force.
    :ivar later_delay: for a participant consenting after entry into force,
        from its own deposit.  A participant that consents before the treaty
        enters into force is bound from the general entry into force.
    """

    instruments: int
    delay: Delay
    later_delay: Delay

    def __attrs_post_init__(self) -> None:
        if self.instruments < 1:
            raise ValueError(f"instruments must be >= 1, not {self.instruments}")


@attrs.frozen
class DenunciationRule:
    """How a party leaves.

    :ivar not_before: how long after the treaty entered into force *for that
        party* a notification may first be made (``None``: at any time).
    :ivar takes_effect: from the notification's receipt to its effect.
    """

    takes_effect: Delay
    not_before: Delay | None = None


_DEFAULT_CONSENT = frozenset(
    {
        ActKind.RATIFICATION,
        ActKind.ACCESSION,
        ActKind.SUCCESSION,
        ActKind.ACCEPTANCE,
        ActKind.APPROVAL,
        ActKind.DEFINITIVE_SIGNATURE,
        ActKind.FORMAL_CONFIRMATION,
        ActKind.CONSENT_TO_BE_BOUND,
    }
)


def _kinds(value: object) -> frozenset[ActKind]:
    if isinstance(value, ActKind | str):
        value = [value]
    return frozenset(ActKind(v) for v in value)  # type: ignore[attr-defined]


@attrs.frozen
class Rules:
    """A treaty's final clauses, as data.

    :ivar entry_into_force: the general and per-participant entry-into-force
        rule, or ``None`` when it is not known (a record read from a table
        without its treaty's final clauses).  Then nobody is ever counted "in
        force" and :func:`~migrant_convention.core.status.entry_into_force` raises
        :class:`~migrant_convention.errors.UnknownRuleError`: counts are by
        deposit only.
    :ivar consent: the kinds of act by which consent to be bound may be expressed.
    :ivar requires_signature: consent kinds that need a prior signature
        (ratification, acceptance and approval usually do; accession never).
    :ivar denunciation: how a party leaves, or ``None`` if it cannot.
    :ivar signature_closes: last day the treaty is open for signature, if any.
    """

    entry_into_force: EntryIntoForceRule | None
    consent: frozenset[ActKind] = attrs.field(default=_DEFAULT_CONSENT, converter=_kinds)
    requires_signature: frozenset[ActKind] = attrs.field(
        default=frozenset({ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL}),
        converter=_kinds,
    )
    denunciation: DenunciationRule | None = None
    signature_closes: date | None = None

    def __attrs_post_init__(self) -> None:
        bad = sorted(k.value for k in self.consent if not k.is_consent)
        if bad:
            raise ValueError(f"consent kinds must express consent to be bound, not {bad}")


@attrs.frozen
class Treaty:
    """A treaty: what it is, and its rules.

    :ivar id: an identifier, e.g. the UN Treaty Collection's ``"IV-13"``.
    :ivar title: the full title.
    :ivar short_name: what people call it (``"ICRMW"``).
    :ivar adopted: the day it was adopted; no act can precede it.
    :ivar opened_for_signature: the day it was opened for signature.
    :ivar depositary: who keeps its instruments.
    :ivar rules: its final clauses.
    :ivar place: where it was adopted.
    """

    id: str
    title: str
    short_name: str
    adopted: date
    opened_for_signature: date
    depositary: str
    rules: Rules
    place: str = ""

    def __attrs_post_init__(self) -> None:
        if self.opened_for_signature < self.adopted:
            raise ValueError(
                f"opened_for_signature {self.opened_for_signature} precedes adoption {self.adopted}"
            )
