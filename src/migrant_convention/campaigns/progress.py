"""Ratification campaigns, and what changed during any window.

A :class:`Campaign` has a name, a window, organisers, the treaties it
promotes, optional :class:`Target` values and its events.
:func:`progress` says what changed under one treaty during a campaign's window
— or any window a user gives: new parties, new signatories, declarations, each
with the State named, and ratification by numbers at the start and at the end.

>>> from datetime import date
>>> from migrant_convention import data
>>> p = progress(data.icrmw(), data.states(), date(2014, 12, 18), date(2015, 12, 18))
>>> p.before.parties, p.after.parties, [c.name for c in p.new_parties]
(47, 48, ['Madagascar'])
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from ..core._convert import to_strings
from ..core.acts import Act, ActKind
from ..core.dates import Resolve, ResolveLike, as_resolve
from ..core.record import TreatyRecord
from ..core.status import counts
from ..core.status_types import Counts
from ..core.universe import Universe
from ..errors import Problem, UndecidableError, ValidationError, raise_if_problems
from .events import Event, participant_name

__all__ = [
    "Campaign",
    "Change",
    "Measure",
    "Progress",
    "Target",
    "TargetOutcome",
    "campaign_progress",
    "progress",
]


class Measure(enum.Enum):
    """What a :class:`Target` counts."""

    #: States that became parties during the window.
    NEW_PARTIES = "new_parties"
    #: States that signed during the window.
    NEW_SIGNATORIES = "new_signatories"
    #: States parties at the end of the window.
    PARTIES = "parties"


@attrs.frozen
class Target:
    """A campaign's goal for one treaty, e.g. ten new parties.

    :ivar treaty: the treaty's id (``"IV-13"``).
    :ivar measure: what is counted.
    :ivar value: how many.
    :ivar sources: where the target was stated.
    """

    treaty: str
    measure: Measure
    value: int
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)


def _targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(value)


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


@attrs.frozen
class Campaign:
    """A campaign for the ratification of one or more treaties.

    :ivar name: its full name.
    :ivar start: the first day of its window.
    :ivar end: the last day of its window.
    :ivar organisers: who ran it.
    :ivar treaties: the ids of the treaties it promotes, main one first.
    :ivar targets: its stated targets, if any.
    :ivar events: its events.
    :ivar description: free text.
    :ivar sources: where the facts about the campaign come from.
    """

    name: str
    start: date
    end: date
    organisers: tuple[str, ...] = attrs.field(converter=to_strings)
    treaties: tuple[str, ...] = attrs.field(converter=to_strings)
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    description: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

    def __attrs_post_init__(self) -> None:
        where = f"campaign {self.name!r}"
        problems = []
        if not self.name.strip():
            problems.append(Problem(f"{where}, field 'name'", self.name,
                                    "a name is required", "missing-value"))
        if self.end < self.start:
            problems.append(Problem(f"{where}, field 'end'", self.end.isoformat(),
                                    f"the window ends before it starts "
                                    f"({self.start.isoformat()})", "bad-range"))
        for i, t in enumerate(self.targets):
            if t.value < 0:
                problems.append(Problem(f"{where}, field 'targets[{i}].value'", t.value,
                                        "a target is a count, not negative", "bad-value"))
            if t.treaty not in self.treaties:
                problems.append(Problem(f"{where}, field 'targets[{i}].treaty'", t.treaty,
                                        "the campaign does not promote this treaty",
                                        "unknown-treaty"))
        raise_if_problems(f"invalid campaign {self.name!r}", problems)

    def matches(self, text: str) -> bool:
        """Whether *text* names this campaign (case-insensitive, any part of the name).

        >>> Campaign("Step It Up", date(2014, 12, 18), date(2015, 12, 18), (), ()).matches("step")
        True
        """
        return text.strip().casefold() in self.name.casefold()


@attrs.frozen
class Change:
    """One State's act during a window.

    :ivar code: the State's code as the act is listed.
    :ivar name: its name on the day of the act.
    :ivar act: the act itself (kind, date as written, sources).
    """

    code: str
    name: str
    act: Act

    def as_dict(self) -> dict[str, object]:
        """Plain values, ready for JSON."""
        return {"state": self.code, "name": self.name, "action": self.act.action,
                "date": str(self.act.date), "sources": list(self.act.sources)}


@attrs.frozen
class TargetOutcome:
    """A target and how far the window went towards it."""

    target: Target
    achieved: int

    @property
    def met(self) -> bool:
        """Whether the target was reached."""
        return self.achieved >= self.target.value


@attrs.frozen
class Progress:
    """What changed under one treaty between *start* and *end*.

    :ivar before: ratification by numbers on the eve of *start* — so that
        every act dated on a day of the window is one of the changes;
    :ivar after: ratification by numbers at the end of *end*.
    :ivar new_parties: instruments of consent deposited in the window.
    :ivar new_signatories: signatures (and successions to signature).
    :ivar declarations: declarations, with their articles.
    :ivar denunciations: denunciations notified in the window.
    :ivar targets: each target of the campaign for this treaty, with its outcome.
    """

    treaty: str
    start: date
    end: date
    before: Counts
    after: Counts
    new_parties: tuple[Change, ...]
    new_signatories: tuple[Change, ...]
    declarations: tuple[Change, ...]
    denunciations: tuple[Change, ...]
    targets: tuple[TargetOutcome, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything happened under the treaty in the window."""
        return bool(self.new_parties or self.new_signatories or self.declarations
                    or self.denunciations or self.before.parties != self.after.parties
                    or self.before.signatories != self.after.signatories)

    def as_dict(self) -> dict[str, object]:
        """Plain values, ready for JSON."""
        return {
            "treaty": self.treaty,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "before": self.before.as_dict(),
            "after": self.after.as_dict(),
            "new_parties": [c.as_dict() for c in self.new_parties],
            "new_signatories": [c.as_dict() for c in self.new_signatories],
            "declarations": [c.as_dict() for c in self.declarations],
            "denunciations": [c.as_dict() for c in self.denunciations],
            "targets": [{"measure": o.target.measure.value, "value": o.target.value,
                         "achieved": o.achieved, "met": o.met} for o in self.targets],
        }


def _in_window(act: Act, start: date, end: date, floor: date, undecided: list[Act]) -> bool:
    lo, hi = act.date.bounded(floor)
    if hi < start or lo > end:
        return False
    if start <= lo and hi <= end:
        return True
    undecided.append(act)
    return False


def progress(
    record: TreatyRecord,
    universe: Universe,
    start: date,
    end: date,
    *,
    targets: Iterable[Target] = (),
    resolve: ResolveLike = "strict",
) -> Progress:
    """What changed under *record*'s treaty from *start* to *end*, both included.

    Counts come from :func:`~migrant_convention.core.status.counts`; the lists of
    changes name every State.  A window in which nothing happened gives empty
    lists and equal counts.  An act whose imprecise date may or may not fall in
    the window makes the answer undecidable unless *resolve* says how to read
    it (``"earliest"``: on its earliest possible day; ``"latest"``: its latest).

    :raises ValidationError: if *end* precedes *start*.
    :raises UndecidableError: see above.
    """
    if end < start:
        raise ValidationError("invalid window", [Problem(
            "window, field 'end'", end.isoformat(),
            f"the window ends before it starts ({start.isoformat()})", "bad-range")])
    if start == date.min:
        # The counts "before" are taken on the eve of the first day.
        raise ValidationError("invalid window", [Problem(
            "window, field 'start'", start.isoformat(),
            "the window must start after 0001-01-01: its eve is the 'before' date",
            "bad-range")])
    how = as_resolve(resolve)
    floor = record.treaty.adopted
    eve = start - timedelta(days=1)
    before = counts(record, universe, eve, resolve=how)
    after = counts(record, universe, end, resolve=how)
    undecided: list[Act] = []
    chosen: list[Act] = []
    for act in sorted(record.acts, key=Act.sort_key):
        if how is Resolve.STRICT:
            if _in_window(act, start, end, floor, undecided):
                chosen.append(act)
        else:
            day = act.date.resolved(how, floor)
            if start <= day <= end:
                chosen.append(act)
    if undecided:
        raise UndecidableError(f"what changed from {start.isoformat()} to {end.isoformat()}",
                               None, [(a.describe(), a.date) for a in undecided])
    consent = record.treaty.rules.consent

    def changes(*kinds: ActKind) -> tuple[Change, ...]:
        return tuple(Change(a.participant,
                            participant_name(record, universe, a.participant, a.date.latest), a)
                     for a in chosen if a.kind in kinds)

    new_parties = changes(*consent)
    new_signatories = changes(ActKind.SIGNATURE, ActKind.SUCCESSION_TO_SIGNATURE)
    outcomes = []
    for t in targets:
        if t.treaty != record.treaty.id:
            continue
        achieved = {Measure.NEW_PARTIES: len(new_parties),
                    Measure.NEW_SIGNATORIES: len(new_signatories),
                    Measure.PARTIES: after.parties}[t.measure]
        outcomes.append(TargetOutcome(t, achieved))
    return Progress(
        treaty=record.treaty.id, start=start, end=end, before=before, after=after,
        new_parties=new_parties, new_signatories=new_signatories,
        declarations=changes(ActKind.DECLARATION),
        denunciations=changes(ActKind.DENUNCIATION),
        targets=tuple(outcomes),
    )


def campaign_progress(
    campaign: Campaign, record: TreatyRecord, universe: Universe, *,
    resolve: ResolveLike = "strict",
) -> Progress:
    """:func:`progress` over *campaign*'s window, measured against its targets."""
    return progress(record, universe, campaign.start, campaign.end,
                    targets=campaign.targets, resolve=resolve)
