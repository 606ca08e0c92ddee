"""A treaty's final clauses, as objects that compute their own dates.

Each rule answers its own questions, and this module is the only place that
does the arithmetic of the law:

* :class:`EntryIntoForceRule` — the treaty's entry into force from the days
  of deposit (:meth:`~EntryIntoForceRule.general`), and for a participant
  that deposits later (:meth:`~EntryIntoForceRule.for_party`);
* :class:`DenunciationRule` — when a notification of denunciation takes
  effect (:meth:`~DenunciationRule.effect`) and when one may first be made
  (:meth:`~DenunciationRule.first_notification`);
* :class:`Rules` — all of a treaty's final clauses, with the role each kind
  of act plays under them (:meth:`~Rules.role`), the counting of instruments
  (each participant's first counts once) and the Vienna Convention's default
  for a treaty without a denunciation clause.

The index behind :func:`~migrant_convention.core.status.counts`, the recount
of :mod:`migrant_convention.testing`, the validation and the Hypothesis
strategies all ask these objects; none repeats their arithmetic.

**Bounds.**  The numbers of the rules are bounded when they are built, so
that every date the library computes from a date of an act (which lies in
:data:`~migrant_convention.core.dates.FIRST_DAY` ..
:data:`~migrant_convention.core.dates.LAST_DAY`, years 1000 to 9000) stays a
date: a :class:`Delay` is at most :data:`MAX_DELAY_MONTHS` months (100
years) plus :data:`MAX_DELAY_DAYS` days (100 years), and an
:class:`EntryIntoForceRule` needs at most :data:`MAX_INSTRUMENTS`
instruments.  A number past its bound is a :class:`ValueError` naming the
field and the value (``Delay.months must be <= 1,200, got 100000000``), which
the readers report as a located problem.  A delay applied by hand to a day so
late that the result would pass 9999-12-31 raises
:class:`~migrant_convention.errors.InvalidDateError`.

>>> from datetime import date, timedelta
>>> rule = EntryIntoForceRule(20, Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH),
...                           Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH))
>>> general = rule.general([date(2003, 3, 14)] * 20)     # ICRMW art. 87(1)
>>> general
datetime.date(2003, 7, 1)
>>> rule.for_party(general, date(2007, 6, 5))              # Albania, art. 87(2)
datetime.date(2007, 10, 1)
"""

from __future__ import annotations

import calendar
import enum
import warnings
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, cast

import attrs

from ._convert import a_day, an_instance, enum_member, fail, strings, text, tuple_of, whole
from .acts import Act, ActKind
from .dates import add_days, add_months

__all__ = [
    "MAX_DELAY_DAYS",
    "MAX_DELAY_MONTHS",
    "MAX_INSTRUMENTS",
    "VCLT_NOTICE",
    "Alignment",
    "Delay",
    "DenunciationRule",
    "DenunciationWindows",
    "EntryIntoForceRule",
    "LaterFrom",
    "Role",
    "Rules",
    "StatedDate",
    "SubjectTo",
]


#: The longest a :class:`Delay` may be in months: 100 years.
MAX_DELAY_MONTHS = 1200
#: The longest a :class:`Delay` may be in days: 100 years.
MAX_DELAY_DAYS = 36_525
#: The most instruments an :class:`EntryIntoForceRule` may need.
MAX_INSTRUMENTS = 1_000_000


class Alignment(enum.Enum):
    """What happens to a date after the delay has run."""

    #: The date itself ("on the thirtieth day after the deposit").
    NONE = "none"
    #: "The first day of the month following" the period.
    FIRST_OF_NEXT_MONTH = "first_of_next_month"
    #: Months counted from month end to month end: a period that starts on
    #: the last day of a month ends on the last day of a month (the ILO's
    #: practice: a ratification registered on 28 February 2023 is in force
    #: twelve months later on 29 February 2024, as Spain's of the Domestic
    #: Workers Convention, C189, is).  Other days are counted as by
    #: :attr:`NONE`.
    MONTH_END = "month_end"


def _alignment(value: Alignment | str) -> Alignment:
    return enum_member(Alignment, value)


@attrs.frozen(init=False)
class Delay:
    """A period after a date, then an optional alignment.

    The period is *months* calendar months (a day missing from a shorter
    month becomes that month's last day) plus *days* days.

    Give every parameter by keyword: ``Delay(30)`` could mean thirty days or
    thirty months.  0.1 read it as months, and still does, with a
    :class:`DeprecationWarning` (positional arguments will be refused in
    1.0).  *months* and *days* are whole numbers (``int``, not ``bool``)
    from 0 to :data:`MAX_DELAY_MONTHS` (1,200) and :data:`MAX_DELAY_DAYS`
    (36,525): a hundred years each; *alignment* an :class:`Alignment` or its
    value (``"first_of_next_month"``).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     Delay(30) == Delay(months=30)
    True
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    Delay(30): give Delay's parameters by keyword, Delay(months=30) or Delay(days=30); ...
    """

    months: int = attrs.field(default=0, validator=whole(
        0, MAX_DELAY_MONTHS, why="a delay is at most 100 years of months"))
    days: int = attrs.field(default=0, validator=whole(
        0, MAX_DELAY_DAYS, why="a delay is at most 100 years of days"))
    alignment: Alignment = attrs.field(default=Alignment.NONE, converter=_alignment,
                                       validator=an_instance(Alignment))

    def __init__(self, *positional: object, months: int = 0, days: int = 0,
                 alignment: Alignment | str = Alignment.NONE) -> None:
        if positional:
            shown = ", ".join(repr(a) for a in positional)
            first = positional[0]
            if len(positional) > 3:
                raise TypeError(f"Delay takes at most 3 arguments, not Delay({shown})")
            warnings.warn(
                f"Delay({shown}): give Delay's parameters by keyword, Delay(months={first!r}) "
                f"or Delay(days={first!r}); positional arguments are deprecated (read as "
                "months, days, alignment, as in 0.1)", DeprecationWarning, stacklevel=2)
            given = dict(zip(("months", "days", "alignment"), positional, strict=False))
            months = given.get("months", months)  # type: ignore[assignment]
            days = given.get("days", days)  # type: ignore[assignment]
            alignment = given.get("alignment", alignment)  # type: ignore[assignment]
        self.__attrs_init__(months=months, days=days, alignment=alignment)

    def apply(self, start: date) -> date:
        """The date this delay leads to from *start*.

        :raises InvalidDateError: if that would be past 9999-12-31 (from a day
            of the supported range it never is).

        >>> Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH).apply(date(2003, 3, 14))
        datetime.date(2003, 7, 1)
        >>> Delay(days=30).apply(date(2020, 1, 31))
        datetime.date(2020, 3, 1)
        """
        moved = add_months(start, self.months)
        if (self.alignment is Alignment.MONTH_END and self.months
                and _last_day(start) and not _last_day(moved)):
            moved = add_days(add_months(moved.replace(day=1), 1), -1)
        end = add_days(moved, self.days)
        if self.alignment is Alignment.FIRST_OF_NEXT_MONTH:
            return add_months(end.replace(day=1), 1)
        return end


def _last_day(day: date) -> bool:
    """Whether *day* is the last day of its month."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


class LaterFrom(enum.Enum):
    """Which participants count their own delay from their own deposit."""

    #: Those that consent after the treaty's entry into force ("for each State
    #: ratifying ... after its entry into force", ICRMW art. 87(2)); one that
    #: consents before it is bound from it.
    ENTRY_INTO_FORCE = "entry_into_force"
    #: Those that consent after the instrument that brought the treaty into
    #: force ("after the deposit of the twentieth instrument", CRC art. 49(2);
    #: "thereafter ... for any Member twelve months after the date on which its
    #: ratification has been registered", the ILO's conventions): a State that
    #: deposits between the last instrument needed and the entry into force
    #: waits for its own delay.  The delays must then be the same (they are in
    #: every treaty written so), so that a participant is bound from the later
    #: of the entry into force and its own delay.
    INSTRUMENTS = "instruments"


def _later_from(value: LaterFrom | str) -> LaterFrom:
    return enum_member(LaterFrom, value)


def _sources(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen
class StatedDate:
    """A date as an authority states it, with where it says so.

    :ivar day: the day stated.
    :ivar sources: where it is stated (at least one; a lone string is one
        source).

    >>> StatedDate(date(1978, 12, 9), ["ILO NORMLEX, C143"]).sources
    ('ILO NORMLEX, C143',)
    """

    day: date = attrs.field(validator=a_day())
    sources: tuple[str, ...] = attrs.field(converter=_sources)

    @sources.validator
    def _check_sources(self, attribute: attrs.Attribute[tuple[str, ...]],
                       value: tuple[str, ...]) -> None:
        if not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValueError(f"StatedDate.sources must name at least one source, got {value!r}")


@attrs.frozen
class SubjectTo:
    """A condition on the entry into force: "Subject to the entry into force
    of the Covenant, the present Protocol shall enter into force three months
    after ... the tenth instrument" (ICCPR first Optional Protocol, art. 9(1);
    the CRPD's Optional Protocol, art. 13(1), likewise).  The treaty enters
    into force on the later of the day its own instruments give and the other
    treaty's entry into force.

    :ivar treaty: the other treaty, by its identifier (``"IV-4"``).
    :ivar entry_into_force: the other treaty's entry into force, as stated,
        with its sources: a fact about another record, kept here so that the
        rule computes from this record alone.

    >>> covenant = SubjectTo("IV-4", StatedDate(date(1976, 3, 23), "UN Treaty Collection"))
    >>> rule = EntryIntoForceRule(10, Delay(months=3), Delay(months=3), "instruments",
    ...                           subject_to=covenant)
    >>> rule.general([date(1973, 12, 12)] * 10)   # ten instruments by Dec. 1973
    datetime.date(1976, 3, 23)
    """

    treaty: str = attrs.field(validator=text())
    entry_into_force: StatedDate = attrs.field(validator=an_instance(StatedDate))


@attrs.frozen
class EntryIntoForceRule:
    """When the treaty enters into force, and when for each later participant.

    :ivar instruments: how many instruments of consent are needed.
    :ivar delay: from the deposit of the last of them to entry into force.
    :ivar later_delay: for a participant consenting after entry into force,
        from its own deposit.  A participant that consents before the treaty
        enters into force is bound from the general entry into force.
    :ivar later_from: which participants count :attr:`later_delay` from their
        own deposit (:class:`LaterFrom`): by default those consenting after the
        entry into force; with :attr:`LaterFrom.INSTRUMENTS`, every one after
        the last instrument needed (then *later_delay* must equal *delay*).
    :ivar subject_to: a condition on the entry into force, if any
        (:class:`SubjectTo`: "subject to the entry into force of the
        Covenant"): the treaty enters into force no earlier than the other.

    The arguments may be given by position, as in 0.1
    (``EntryIntoForceRule(20, delay, later_delay)``): the one number,
    *instruments* (an ``int`` from 1 to :data:`MAX_INSTRUMENTS`), comes
    first, and each delay must be a :class:`Delay`, so a number in a delay's
    place, or a delay in the number's, is a :class:`TypeError` naming the
    field.
    """

    instruments: int = attrs.field(validator=whole(
        1, MAX_INSTRUMENTS, why="no treaty needs more instruments"))
    delay: Delay = attrs.field(validator=an_instance(Delay))
    later_delay: Delay = attrs.field(validator=an_instance(Delay))
    later_from: LaterFrom = attrs.field(default=LaterFrom.ENTRY_INTO_FORCE,
                                        converter=_later_from,
                                        validator=an_instance(LaterFrom))
    subject_to: SubjectTo | None = attrs.field(
        default=None, kw_only=True, validator=an_instance(SubjectTo, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.later_from is LaterFrom.INSTRUMENTS and self.later_delay != self.delay:
            raise ValueError(
                "EntryIntoForceRule.later_delay must equal delay when later_from is "
                f"'instruments', got {self.later_delay!r} and {self.delay!r}")

    def general(self, deposits: Iterable[date]) -> date | None:
        """The treaty's entry into force: :attr:`delay` after the day of the
        :attr:`instruments`-th of *deposits* (one day per participant, in any
        order; see :meth:`Rules.first_deposits`), or ``None`` while there are
        fewer; never before the entry into force it is :attr:`subject_to`."""
        days = sorted(deposits)
        if len(days) < self.instruments:
            return None
        own = self.delay.apply(days[self.instruments - 1])
        if self.subject_to is None:
            return own
        return max(own, self.subject_to.entry_into_force.day)

    def for_party(self, general: date | None, deposit: date) -> date | None:
        """When the treaty enters into force for a participant whose instrument
        was deposited on *deposit*, given the treaty's own entry into force
        *general* (``None``: not, or not yet, in force).  A participant that
        deposits before *general* is bound from *general*; one that deposits
        on or after it, :attr:`later_delay` after its deposit.  With
        :attr:`LaterFrom.INSTRUMENTS`, the later of *general* and
        :attr:`later_delay` after its deposit: the same for the first
        instruments (their delay ends by *general*), its own for every later one.

        >>> ilo = EntryIntoForceRule(2, Delay(months=12), Delay(months=12), "instruments")
        >>> general = ilo.general([date(2012, 6, 14), date(2012, 9, 5)])   # C189 art. 21(2)
        >>> general, ilo.for_party(general, date(2012, 9, 13))             # Mauritius, 21(3)
        (datetime.date(2013, 9, 5), datetime.date(2013, 9, 13))
        """
        if general is None:
            return None
        if self.later_from is LaterFrom.INSTRUMENTS:
            return max(general, self.later_delay.apply(deposit))
        if deposit < general:
            return general
        return self.later_delay.apply(deposit)


@attrs.frozen
class DenunciationWindows:
    """Denunciation allowed only in windows that come back at fixed periods.

    The ILO's conventions: a Member "may denounce it after the expiration of
    ten years from the date on which the Convention first comes into force";
    one that does not "within the year following the expiration of the period
    of ten years ... will be bound for another period of ten years and,
    thereafter, may denounce this Convention within the first year of each new
    period of ten years" (C189 art. 22, C143 art. 19; C097 art. 17 says "at the
    expiration of each period of ten years", read the same way by the ILO).

    :ivar every_years: the period, counted from the treaty's first (general)
        entry into force, not from a party's own (1 to 100 years).
    :ivar open_months: how long each window is open once its period has run
        (1 to 1,200 months).

    Window *k* (*k* = 1, 2, …) is open from the day *k* × *every_years* years
    after the entry into force, for *open_months* months: the day it opens
    is in it, the day *open_months* later is not (NORMLEX prints that day as
    the window's end: "05 Sep 2023 – 05 Sep 2024").

    >>> w = DenunciationWindows(10, 12)
    >>> w.window(date(2013, 9, 5), date(2020, 1, 1))       # C189, in force 5 Sep 2013
    (datetime.date(2023, 9, 5), datetime.date(2024, 9, 5))
    >>> w.window(date(2013, 9, 5), date(2024, 9, 5))       # the next one
    (datetime.date(2033, 9, 5), datetime.date(2034, 9, 5))
    """

    every_years: int = attrs.field(default=10, validator=whole(
        1, 100, why="a period of at most 100 years"))
    open_months: int = attrs.field(default=12, validator=whole(
        1, MAX_DELAY_MONTHS, why="a window of at most 100 years"))

    def window(self, general: date, day: date) -> tuple[date, date]:
        """The first window that is open on or after *day* for a treaty that
        entered into force on *general*: the day it opens and the first day
        after it (not in it).

        :raises InvalidDateError: if that window would end past 9999-12-31.
        """
        period = 12 * self.every_years
        months = (day.year - general.year) * 12 + (day.month - general.month)
        k = max(1, months // period - 1)
        while True:  # at most three turns: k starts at most two periods short
            opens = add_months(general, period * k)
            closes = add_months(opens, self.open_months)
            if closes > day:
                return opens, closes
            k += 1


@attrs.frozen
class DenunciationRule:
    """How a party leaves.

    :ivar takes_effect: from the notification's receipt (or registration) to its
        effect.
    :ivar not_before: how long after the treaty entered into force *for that
        party* a notification may first be made (``None``: at any time).
    :ivar windows: for treaties that may be denounced only in windows counted
        from the treaty's own first entry into force
        (:class:`DenunciationWindows`, the ILO's clause), else ``None``.

    *takes_effect* and *not_before* are :class:`Delay` values, checked when
    the rule is built.
    """

    takes_effect: Delay = attrs.field(validator=an_instance(Delay))
    not_before: Delay | None = attrs.field(default=None,
                                           validator=an_instance(Delay, optional=True))
    windows: DenunciationWindows | None = attrs.field(
        default=None, validator=an_instance(DenunciationWindows, optional=True))

    def effect(self, notified: date) -> date:
        """The day a denunciation notified (received by the depositary) on
        *notified* takes effect."""
        return self.takes_effect.apply(notified)

    def first_notification(self, in_force: date) -> date:
        """The first day a party for which the treaty entered into force on
        *in_force* may notify a denunciation, as far as :attr:`not_before`
        says (see :meth:`next_notification` for the windows too)."""
        return self.not_before.apply(in_force) if self.not_before is not None else in_force

    def next_notification(self, day: date, *, in_force: date, general: date) -> date:
        """The first day on or after *day* on which a party for which the
        treaty entered into force on *in_force* may notify a denunciation,
        the treaty having entered into force on *general*.

        >>> ilo = DenunciationRule(Delay(months=12), windows=DenunciationWindows(10, 12))
        >>> ilo.next_notification(date(2016, 3, 1), in_force=date(2014, 9, 20),
        ...                       general=date(2013, 9, 5))      # C189, Germany
        datetime.date(2023, 9, 5)
        """
        first = max(day, self.first_notification(in_force))
        if self.windows is None:
            return first
        opens, _ = self.windows.window(general, first)
        return max(first, opens)


#: Without a denunciation clause, at least twelve months' notice (Vienna
#: Convention on the Law of Treaties, art. 56(2)).  Used only to give an effect
#: to a denunciation of a treaty whose rules have none (validation reports it).
VCLT_NOTICE = DenunciationRule(Delay(months=12))


class Role(enum.Enum):
    """What an act does to its author's status under a treaty's rules."""

    #: Makes its author a signatory.
    SIGNATURE = "signature"
    #: Expresses consent to be bound under these rules: its author becomes a party.
    CONSENT = "consent"
    #: Ends a party's participation, once it takes effect.
    DENUNCIATION = "denunciation"
    #: Changes no status (a declaration, a provisional application, or a kind of
    #: consent these rules do not admit).
    NONE = "none"


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
        ActKind.DECLARATION_OF_ACCEPTANCE,
    }
)


def _kinds(value: Iterable[ActKind | str] | ActKind | str) -> frozenset[ActKind]:
    """The kinds as a frozenset (a lone kind or value string is one kind);
    anything that is not all kinds is passed on, as a tuple, to :func:`_check_kinds`."""
    if isinstance(value, ActKind | str):
        value = (value,)
    if not isinstance(value, Iterable):
        return cast("frozenset[ActKind]", value)
    items = tuple(value)
    kinds = tuple(enum_member(ActKind, v) for v in items)
    if all(isinstance(k, ActKind) for k in kinds):
        return frozenset(kinds)
    return cast("frozenset[ActKind]", kinds)


def _check_kinds(inst: Rules, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, frozenset):
        return
    if not isinstance(value, tuple):
        fail(inst, attribute.name, "an iterable of ActKind (or their values)", value)
    for i, item in enumerate(value):
        if isinstance(item, str):
            known = ", ".join(repr(k.value) for k in ActKind)
            fail(inst, f"{attribute.name}[{i}]", f"an ActKind or one of its values ({known})",
                 item, ValueError)
        if not isinstance(item, ActKind):
            fail(inst, f"{attribute.name}[{i}]", "an ActKind", item)


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
    :ivar parts: the parts of the treaty an instrument of consent may exclude
        (:attr:`Act.excludes <migrant_convention.core.acts.Act.excludes>`):
        ``("Annex I", "Annex II", "Annex III")`` for the ILO's C097 (art. 14),
        ``("Part I", "Part II")`` for C143 (art. 16); empty for most treaties.

    *consent* and *requires_signature* are given as any iterable of
    :class:`ActKind` values or their value strings (``["ratification",
    "accession"]``; a lone kind is one kind) and stored as a
    ``frozenset[ActKind]``; each must express consent to be bound.  The other
    fields are checked too: a wrong type is a :class:`TypeError` naming the
    field.
    """

    entry_into_force: EntryIntoForceRule | None = attrs.field(
        validator=an_instance(EntryIntoForceRule, optional=True))
    consent: frozenset[ActKind] = attrs.field(default=_DEFAULT_CONSENT, converter=_kinds,
                                              validator=_check_kinds)
    requires_signature: frozenset[ActKind] = attrs.field(
        default=frozenset({ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL}),
        converter=_kinds, validator=_check_kinds,
    )
    denunciation: DenunciationRule | None = attrs.field(
        default=None, validator=an_instance(DenunciationRule, optional=True))
    signature_closes: date | None = attrs.field(default=None, validator=a_day(optional=True))
    parts: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        for name, kinds in (("consent", self.consent),
                            ("requires_signature", self.requires_signature)):
            bad = sorted(k.value for k in kinds if not k.is_consent)
            if bad:
                raise ValueError(
                    f"Rules.{name}: kinds must express consent to be bound, not {bad}")

    def role(self, kind: ActKind) -> Role:
        """What an act of *kind* does under these rules.

        A signature, a succession to a signature and a signature ad referendum
        make a signatory; a kind in :attr:`consent` makes a party; a
        denunciation ends a party's participation.  Every other kind — a
        declaration or a notification under an article, a provisional
        application or acceptance, an application (to a territory or an
        agency), the confirmation of a signature ad referendum, a consent kind
        these rules do not admit — changes no status (:attr:`Role.NONE`).
        """
        if kind.is_signature:
            return Role.SIGNATURE
        if kind in self.consent:
            return Role.CONSENT
        if kind is ActKind.DENUNCIATION:
            return Role.DENUNCIATION
        return Role.NONE

    def first_deposits(self, acts: Iterable[Act], day: Callable[[Act], date]) -> dict[str, date]:
        """Each participant's first instrument of consent, by code, dated by
        *day*.  Each participant's instrument counts once towards entry into
        force: a second consent by one State (an error the validation
        reports) must not bring a treaty into force."""
        first: dict[str, date] = {}
        for a in acts:
            if a.kind in self.consent:
                d = day(a)
                old = first.setdefault(a.participant, d)
                if d < old:
                    first[a.participant] = d
        return first

    def general_entry_into_force(
        self, acts: Iterable[Act], day: Callable[[Act], date]
    ) -> date | None:
        """The treaty's entry into force from *acts* (dated by *day*), or
        ``None`` if the rule is unknown or too few instruments are deposited."""
        rule = self.entry_into_force
        if rule is None:
            return None
        return rule.general(self.first_deposits(acts, day).values())

    def entry_into_force_for(self, general: date | None, deposit: date,
                             kind: ActKind | None = None) -> date | None:
        """When the treaty enters into force for a participant whose instrument
        of *kind* was deposited on *deposit*: :meth:`EntryIntoForceRule.for_party`,
        or ``None`` if the rule is unknown.

        A notification of **succession** waits no delay.  A successor State
        is bound from the date of the succession or the treaty's entry into
        force, whichever is later: a newly independent State with the
        treaty's operation suspended until its notification (Vienna
        Convention on Succession of States in respect of Treaties, art. 23),
        a State that separated as the treaty continued in force for it (art.
        34).  A record dates the notification, not the succession, so the
        treaty is in force for the successor from the later of the
        notification and the treaty's entry into force (the retroactive
        effect to the date of the succession is not in the record): never the
        thirty days or three months a ratification waits (the Czech
        Republic's notification of 22 Feb 1993 to the CRC).

        >>> crc = Rules(EntryIntoForceRule(20, Delay(days=30), Delay(days=30)),
        ...             frozenset({ActKind.RATIFICATION, ActKind.SUCCESSION}))
        >>> general = date(1990, 9, 2)
        >>> crc.entry_into_force_for(general, date(1993, 2, 22), ActKind.SUCCESSION)
        datetime.date(1993, 2, 22)
        >>> crc.entry_into_force_for(general, date(1993, 2, 22), ActKind.RATIFICATION)
        datetime.date(1993, 3, 24)
        """
        rule = self.entry_into_force
        if rule is None:
            return None
        if kind is ActKind.SUCCESSION:
            return None if general is None else max(general, deposit)
        return rule.for_party(general, deposit)

    @property
    def denunciation_or_default(self) -> DenunciationRule:
        """The denunciation clause, or the Vienna Convention's default
        (:data:`VCLT_NOTICE`) for a treaty without one."""
        return self.denunciation if self.denunciation is not None else VCLT_NOTICE



