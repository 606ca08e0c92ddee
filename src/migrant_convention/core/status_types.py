"""The answers: a participant's :class:`Status` and a date's :class:`Counts`."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from ._convert import a_day, whole

__all__ = ["Counts", "Status"]


class Status(enum.Enum):
    """Where a participant stands under a treaty on a given day."""

    #: Has neither signed nor consented to be bound.
    NO_ACTION = "no_action"
    #: Has signed (or succeeded to a signature) but is not bound.
    SIGNATORY = "signatory"
    #: Has consented to be bound; the treaty is not yet in force for it.
    PARTY = "party"
    #: Has consented to be bound and the treaty is in force for it.
    PARTY_IN_FORCE = "party_in_force"
    #: Was a party; its denunciation has taken effect.
    FORMER_PARTY = "former_party"

    @property
    def is_party(self) -> bool:
        """Bound by the treaty (whether or not yet in force for it)."""
        return self in (Status.PARTY, Status.PARTY_IN_FORCE)


@attrs.frozen
class Counts:
    """Ratification by numbers on one day, over the States of the universe.

    ``parties + signatories + former_parties + no_action == states`` always;
    when nobody has denounced the treaty (as for the Migrant Workers
    Convention) ``former_parties`` is 0 and the familiar three-way split holds.

    :ivar on: the day.
    :ivar parties: States bound (consent deposited), in force for them or not.
    :ivar in_force: parties for which the treaty is in force.
    :ivar signatories: States that have signed but are not bound.
    :ivar signatories_total: States that have ever signed, bound or not (the
        UN Treaty Collection's "Signatories" figure).
    :ivar former_parties: States whose denunciation has taken effect.
    :ivar no_action: States that have done neither.
    :ivar states: the size of the universe on that day.

    The fields are checked when it is built: *on* a :class:`datetime.date`
    (not a ``datetime``), the others whole numbers (``int``) >= 0, which
    partition the universe (:class:`ValueError` otherwise).
    """

    on: date
    parties: int
    in_force: int
    signatories: int
    signatories_total: int
    former_parties: int
    no_action: int
    states: int

    def __attrs_post_init__(self) -> None:
        # Plain comparisons on the common path (counts() builds one per
        # question); the field checks only to name what is wrong.
        if not (type(self.on) is date and type(self.parties) is int
                and type(self.in_force) is int and type(self.signatories) is int
                and type(self.signatories_total) is int and type(self.former_parties) is int
                and type(self.no_action) is int and type(self.states) is int
                and min(self.parties, self.in_force, self.signatories, self.signatories_total,
                        self.former_parties, self.no_action) >= 0):
            for field in attrs.fields(Counts):
                _CHECKS[field.name](self, field, getattr(self, field.name))
        total = self.parties + self.signatories + self.former_parties + self.no_action
        if total != self.states:
            raise ValueError(
                f"Counts: parties + signatories + former_parties + no_action = {total}, "
                f"not states = {self.states}: they must partition the universe")

    @classmethod
    def from_tally(cls, on: date, tally: Mapping[Status, int], *, signed_ever: int) -> Counts:
        """The counts of *on* from the number of States with each status
        (a status missing from *tally* counts 0), *signed_ever* of which have
        ever signed: the one place a tally of statuses becomes counts.

        >>> Counts.from_tally(date(2003, 7, 1), {Status.PARTY_IN_FORCE: 22, Status.SIGNATORY: 9,
        ...                   Status.NO_ACTION: 160}, signed_ever=19).parties
        22
        """
        def n(status: Status) -> int:
            return tally.get(status, 0)

        return cls(
            on=on,
            parties=n(Status.PARTY) + n(Status.PARTY_IN_FORCE),
            in_force=n(Status.PARTY_IN_FORCE),
            signatories=n(Status.SIGNATORY),
            signatories_total=signed_ever,
            former_parties=n(Status.FORMER_PARTY),
            no_action=n(Status.NO_ACTION),
            states=sum(tally.values()),
        )

    @classmethod
    def of_statuses(cls, on: date, statuses: Iterable[Status], *, signed_ever: int) -> Counts:
        """:meth:`from_tally` of the statuses of some States, one per State."""
        tally = dict.fromkeys(Status, 0)
        for status in statuses:
            tally[status] += 1
        return cls.from_tally(on, tally, signed_ever=signed_ever)

    def as_dict(self) -> dict[str, int | str]:
        """Plain values, the date as ISO text: ready for JSON or a table row."""
        return {
            "date": self.on.isoformat(),
            "parties": self.parties,
            "in_force": self.in_force,
            "signatories": self.signatories,
            "signatories_total": self.signatories_total,
            "former_parties": self.former_parties,
            "no_action": self.no_action,
            "states": self.states,
        }


_CHECKS = {"on": a_day(), **{f.name: whole(0) for f in attrs.fields(Counts)[1:]}}
