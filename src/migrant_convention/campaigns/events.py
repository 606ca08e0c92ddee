"""Dated events: conferences, campaigns, observances — and a treaty's own milestones.

An :class:`Event` has a start (a :class:`~migrant_convention.core.dates.PartialDate`,
so "2003-03" stays a month) and an optional end.  A recurring observance is one
event with a :class:`Recurrence` (International Migrants Day, every 18 December
since 2000), expanded into dated occurrences only on demand
(:func:`occurrences`).

Events derived from a :class:`~migrant_convention.core.record.TreatyRecord` — its
adoption, its entry into force (computed by
:func:`~migrant_convention.core.status.entry_into_force`), the day it had its *n*-th
party, each State's act — are computed by :func:`treaty_events`, never copied
by hand, and merged with curated events by :func:`event_timeline`.

>>> from datetime import date
>>> idwd = Event("International Domestic Workers Day", EventKind.OBSERVANCE,
...              PartialDate.parse("2012-06-16"), recurrence=Recurrence(6, 16))
>>> [str(o.start) for o in occurrences(idwd, date(2014, 1, 1), date(2015, 12, 31))]
['2014-06-16', '2015-06-16']
"""

from __future__ import annotations

import calendar as _calendar
import enum
import hashlib
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from ..core._convert import to_strings
from ..core.acts import Act, ActKind
from ..core.dates import PartialDate, Precision
from ..core.record import TreatyRecord
from ..core.status import entry_into_force
from ..core.universe import Universe
from ..errors import Problem, UndecidableError, ValidationError, raise_if_problems
from ..places.names import participant_name as participant_name  # re-exported (0.1)

__all__ = [
    "Event",
    "EventKind",
    "LeapDay",
    "Recurrence",
    "event_timeline",
    "merge_events",
    "occurrences",
    "ordinal",
    "treaty_events",
]


class EventKind(enum.Enum):
    """What an event is.  ``TREATY_ACTION`` marks a State's own act under a
    treaty (signature, ratification, accession, declaration), derived from a
    treaty record by :func:`treaty_events`."""

    ADOPTION = "adoption"
    ENTRY_INTO_FORCE = "entry_into_force"
    CAMPAIGN_LAUNCH = "campaign_launch"
    CAMPAIGN_END = "campaign_end"
    CONFERENCE = "conference"
    MEETING = "meeting"
    OBSERVANCE = "observance"
    ANNIVERSARY = "anniversary"
    PUBLICATION = "publication"
    OTHER = "other"
    TREATY_ACTION = "treaty_action"


def parse_kind(text: str) -> EventKind:
    """The :class:`EventKind` named *text*, with an error listing the known kinds.

    >>> parse_kind("observance")
    <EventKind.OBSERVANCE: 'observance'>
    """
    try:
        return EventKind(text.strip())
    except ValueError:
        known = ", ".join(k.value for k in EventKind)
        raise ValueError(f"unknown event kind {text!r}; known: {known}") from None


class LeapDay(enum.Enum):
    """What a yearly recurrence on 29 February does in a common year.

    ``SKIP`` follows RFC 5545 (an RRULE never yields an invalid date: the
    occurrence only happens in leap years); ``LAST_OF_FEBRUARY`` moves it to
    28 February (an RRULE with ``BYMONTHDAY=-1``).
    """

    SKIP = "skip"
    LAST_OF_FEBRUARY = "last_of_february"


@attrs.frozen
class Recurrence:
    """Every year on *month*/*day*, from the event's first occurrence.

    :ivar until: the last year it occurs, or ``None`` if it still recurs.
    :ivar leap_day: for 29 February, what happens in common years.
    """

    month: int
    day: int
    until: int | None = None
    leap_day: LeapDay = LeapDay.SKIP

    def __attrs_post_init__(self) -> None:
        # 2000 is a leap year, so 29 February is accepted.
        if not 1 <= self.month <= 12 or not (
            1 <= self.day <= _calendar.monthrange(2000, self.month)[1]
        ):
            raise ValueError(f"no day {self.day} in month {self.month}")

    def on(self, year: int) -> date | None:
        """The occurrence in *year*, or ``None`` if there is none that year.

        >>> Recurrence(2, 29).on(2023), Recurrence(2, 29).on(2024)
        (None, datetime.date(2024, 2, 29))
        >>> Recurrence(2, 29, leap_day=LeapDay.LAST_OF_FEBRUARY).on(2023)
        datetime.date(2023, 2, 28)
        """
        if self.until is not None and year > self.until:
            return None
        if self.month == 2 and self.day == 29 and not _calendar.isleap(year):
            return date(year, 2, 28) if self.leap_day is LeapDay.LAST_OF_FEBRUARY else None
        return date(year, self.month, self.day)

    def describe(self) -> str:
        """``"every 18 December"``."""
        return f"every {self.day} {_calendar.month_name[self.month]}"


def _end_problems(title: str, start: PartialDate, end: PartialDate | None) -> list[Problem]:
    if end is not None and end.latest < start.earliest:
        return [Problem(f"event {title!r}, field 'end'", str(end),
                        f"ends before it starts ({start})", "bad-range")]
    return []


@attrs.frozen
class Event:
    """Something that happened (or will happen) on a day or over some days.

    :ivar title: what it is called.
    :ivar kind: what kind of event it is.
    :ivar start: its (first) day, possibly partial; shown as written.
    :ivar end: its last day, if it lasts more than one day.
    :ivar location: where.
    :ivar organisers: who organised it, one name per item.
    :ivar description: free text.
    :ivar sources: where the facts come from (free text entries such as
        ``"UNCERTAIN: ..."`` are kept as they are written).
    :ivar recurrence: for a recurring observance, how it repeats; *start* is
        then its first occurrence.
    :ivar treaty: for an event derived from a treaty record, the treaty's id.
    :ivar participant: for a State's act, the State's code.
    """

    title: str
    kind: EventKind
    start: PartialDate
    end: PartialDate | None = None
    location: str = ""
    organisers: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    description: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    recurrence: Recurrence | None = None
    treaty: str | None = None
    participant: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = _end_problems(self.title, self.start, self.end)
        if self.recurrence is not None:
            r = self.recurrence
            if self.start.precision is not Precision.DAY or (
                (self.start.latest.month, self.start.latest.day) != (r.month, r.day)
            ):
                problems.append(Problem(f"event {self.title!r}, field 'start'", str(self.start),
                                        f"the first occurrence must fall {r.describe()}",
                                        "bad-recurrence"))
        raise_if_problems(f"invalid event {self.title!r}", problems)

    @property
    def earliest(self) -> date:
        """The first day the event can have started."""
        return self.start.earliest

    @property
    def latest(self) -> date:
        """The last day the event can have lasted to."""
        return (self.end or self.start).latest

    @property
    def derived(self) -> bool:
        """Whether the event was computed from a treaty record."""
        return self.treaty is not None

    @property
    def caveats(self) -> tuple[str, ...]:
        """The source entries that flag a doubt (``"UNCERTAIN: ..."``)."""
        return tuple(s for s in self.sources if s.upper().startswith("UNCERTAIN"))

    @property
    def when(self) -> str:
        """The dates as written: ``"2013-10-03..2013-10-04"``, ``"2003-03"``."""
        return f"{self.start}..{self.end}" if self.end is not None else str(self.start)

    @property
    def uid(self) -> str:
        """A stable identifier: the same event always gets the same one."""
        key = "\x1f".join((self.kind.value, str(self.start), self.title))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@migrant-convention"

    def sort_key(self) -> tuple[date, date, date, str]:
        """Chronological: earliest possible start, then its latest, then end.

        An "on or before" start, whose earliest day is unknown, sorts by its
        latest day (:meth:`PartialDate.sort_key`).
        """
        return (*self.start.sort_key(), self.latest, self.title)

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether the event can fall (at least in part) between *start* and *end*."""
        return (start is None or self.latest >= start) and (end is None or self.earliest <= end)

    def as_dict(self) -> dict[str, object]:
        """Plain values (dates as written), ready for JSON."""
        return {
            "title": self.title,
            "kind": self.kind.value,
            "start": str(self.start),
            "end": str(self.end) if self.end is not None else None,
            "location": self.location,
            "organisers": list(self.organisers),
            "description": self.description,
            "sources": list(self.sources),
            "recurs": self.recurrence.describe() if self.recurrence else None,
            "treaty": self.treaty,
            "participant": self.participant,
        }


def occurrences(event: Event, start: date, end: date) -> Iterator[Event]:
    """The dated occurrences of *event* between *start* and *end* (inclusive).

    A one-off event is yielded as it is if it overlaps the range.  A recurring
    one yields one single-day event per year, from its first occurrence on,
    without the recurrence.
    """
    if event.recurrence is None:
        if event.overlaps(start, end):
            yield event
        return
    first = event.start.latest
    for year in range(max(start.year, first.year), end.year + 1):
        day = event.recurrence.on(year)
        if day is not None and start <= day <= end and day >= first:
            yield attrs.evolve(event, start=PartialDate.day(day), end=None, recurrence=None)


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``25th``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 25, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '25th', '102nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ACT_WORDS = {
    ActKind.SIGNATURE: "signs",
    ActKind.SUCCESSION_TO_SIGNATURE: "succeeds to the signature of",
    ActKind.RATIFICATION: "ratifies",
    ActKind.ACCESSION: "accedes to",
    ActKind.SUCCESSION: "succeeds to",
    ActKind.ACCEPTANCE: "accepts",
    ActKind.APPROVAL: "approves",
    ActKind.DEFINITIVE_SIGNATURE: "definitively signs",
    ActKind.FORMAL_CONFIRMATION: "formally confirms",
    ActKind.CONSENT_TO_BE_BOUND: "consents to be bound by",
    ActKind.PROVISIONAL_APPLICATION: "applies provisionally",
    ActKind.DECLARATION_OF_ACCEPTANCE: "accepts the obligations of",
    ActKind.SIGNATURE_AD_REFERENDUM: "signs ad referendum",
    ActKind.CONFIRMATION_OF_SIGNATURE: "confirms its signature of",
    ActKind.PROVISIONAL_ACCEPTANCE: "provisionally accepts",
    # The annexes of the Specialized Agencies Convention (UN tables III-2-n):
    # a State undertakes to apply the Convention to the annex's agency.
    ActKind.APPLICATION: "undertakes to apply",
    ActKind.DENUNCIATION: "denounces",
}

#: The acts :func:`treaty_events` turns into events unless told otherwise.
DEFAULT_ACT_KINDS = frozenset(
    {ActKind.RATIFICATION, ActKind.ACCESSION, ActKind.SUCCESSION, ActKind.ACCEPTANCE,
     ActKind.APPROVAL, ActKind.DEFINITIVE_SIGNATURE, ActKind.FORMAL_CONFIRMATION,
     ActKind.CONSENT_TO_BE_BOUND, ActKind.DECLARATION_OF_ACCEPTANCE, ActKind.DENUNCIATION}
)


def _act_event(record: TreatyRecord, universe: Universe | None, act: Act) -> Event:
    t = record.treaty
    name = participant_name(record, universe, act.participant, act.date.latest)
    if act.kind is ActKind.DECLARATION:
        title = f"{name} makes a declaration under article {act.article} of the {t.short_name}"
    elif act.kind is ActKind.NOTIFICATION:
        under = f" under article {act.article}" if act.article else ""
        title = f"{name} makes a notification{under} of the {t.short_name}"
    else:
        title = f"{name} {_ACT_WORDS.get(act.kind, act.kind.value)} the {t.short_name}"
    return Event(title, EventKind.TREATY_ACTION, act.date, description=act.note,
                 sources=act.sources, treaty=t.id, participant=act.participant)


def _nth_party_event(record: TreatyRecord, n: int) -> Event | None:
    consent = record.treaty.rules.consent
    firsts: dict[str, Act] = {}
    for act in sorted(record.acts, key=Act.sort_key):
        if act.kind in consent:
            firsts.setdefault(act.participant, act)
    if len(firsts) < n:
        return None
    floor = record.treaty.adopted
    acts = list(firsts.values())
    # The n-th instrument's day is known only if the n-th smallest earliest day
    # and the n-th smallest latest day agree on one act's date.
    lo = sorted(a.date.bounded(floor)[0] for a in acts)[n - 1]
    hi = sorted(a.date.bounded(floor)[1] for a in acts)[n - 1]
    nth = acts[n - 1]
    if nth.date.bounded(floor) != (lo, hi):
        straddling = [a for a in acts if a.date.bounded(floor)[0] <= hi
                      and a.date.bounded(floor)[1] >= lo]
        raise UndecidableError(f"the day of the {ordinal(n)} instrument of consent", None,
                               [(a.describe(), a.date) for a in straddling])
    t = record.treaty
    same_day = [a for a in acts if a.date.bounded(floor) == (lo, hi)]
    if len(same_day) > 1:
        # Several deposits that day: which one was the n-th is not recorded.
        who = ", ".join(participant_name(record, None, a.participant) for a in same_day)
        text, code = f"Deposited on the same day: {who}; the order is not recorded.", None
    else:
        text = f"{participant_name(record, None, nth.participant)} ({nth.action})."
        code = nth.participant
    return Event(f"{ordinal(n)} instrument of consent to the {t.short_name} deposited",
                 EventKind.OTHER, nth.date, description=f"{text} Computed from the treaty record.",
                 sources=tuple(dict.fromkeys(s for a in same_day for s in a.sources)),
                 treaty=t.id, participant=code)


def treaty_events(
    record: TreatyRecord,
    universe: Universe | None = None,
    *,
    acts: Iterable[ActKind] = DEFAULT_ACT_KINDS,
    milestones: Iterable[int] = (),
) -> tuple[Event, ...]:
    """Events computed from a treaty record, in order.

    * its adoption (:attr:`~migrant_convention.core.treaty.Treaty.adopted`);
    * its entry into force, computed by the treaty's rule from the deposits
      (:func:`~migrant_convention.core.status.entry_into_force`), if it is in force;
    * the deposit of the *n*-th instrument of consent, for each *n* in *milestones*;
    * each act whose kind is in *acts* (by default: every instrument of consent
      and every denunciation), named with the universe's name on that day.

    >>> from migrant_convention import data
    >>> [str(e.start) for e in treaty_events(data.icrmw(), acts=(), milestones=[20])]
    ['1990-12-18', '2003-03-14', '2003-07-01']
    """
    t = record.treaty
    src = record.sources
    out = [Event(f"Adoption of the {t.short_name}", EventKind.ADOPTION,
                 PartialDate.day(t.adopted), location=t.place, description=t.title,
                 sources=src, treaty=t.id)]
    rule = t.rules.entry_into_force
    in_force = entry_into_force(record) if rule is not None else None
    if in_force is not None and rule is not None:
        stated = t.stated_entry_into_force
        if stated is not None:  # the depositary's statement, not a computation
            why = f"As stated: {'; '.join(stated.sources)}."
            cited = tuple(dict.fromkeys((*src, *stated.sources)))
        else:
            why = (f"Computed from its rule: {rule.instruments} instruments of consent, then "
                   "the stated delay.")
            cited = src
        out.append(Event(f"The {t.short_name} enters into force", EventKind.ENTRY_INTO_FORCE,
                         PartialDate.day(in_force), description=why, sources=cited,
                         treaty=t.id))
    for n in sorted(set(milestones)):
        if n < 1:
            raise ValueError(f"milestones are positive counts, not {n}")
        event = _nth_party_event(record, n)
        if event is not None:
            out.append(event)
    wanted = frozenset(acts)
    out.extend(_act_event(record, universe, a) for a in record.acts if a.kind in wanted)
    return tuple(sorted(out, key=Event.sort_key))


def merge_events(
    curated: Iterable[Event], derived: Iterable[Event], records: Iterable[TreatyRecord] = ()
) -> tuple[Event, ...]:
    """Curated and derived events together, in order, without double entries.

    A derived event is left out when a curated event of the same kind on the
    same date (as written) names the same treaty in its title — its short name
    or id, taken from *records*: the curated row, with its own sources, wins.
    """
    names = {r.treaty.id: (r.treaty.short_name, r.treaty.id) for r in records}
    kept = list(curated)
    index: dict[tuple[EventKind, str], list[Event]] = {}
    for e in kept:
        index.setdefault((e.kind, str(e.start)), []).append(e)
    for d in derived:
        aliases = names.get(d.treaty or "", ())
        same = index.get((d.kind, str(d.start)), [])
        if any(not c.derived and any(a and a in c.title for a in aliases) for c in same):
            continue
        kept.append(d)
    return tuple(sorted(kept, key=Event.sort_key))


def event_timeline(
    events: Iterable[Event],
    *,
    start: date | None = None,
    end: date | None = None,
    kinds: Iterable[EventKind | str] | None = None,
    records: Iterable[TreatyRecord] = (),
    universe: Universe | None = None,
    expand: bool = False,
) -> tuple[Event, ...]:
    """Events between *start* and *end* (inclusive; open if ``None``), in order.

    An event counts when it *can* fall in the range (a month-only date
    overlapping it does).  Events are ordered by their earliest possible day
    and keep their dates as written.  With *records*, the events of each
    record (:func:`treaty_events`) are merged in (:func:`merge_events`).

    A recurring observance counts when one of its occurrences falls in the
    range.  By default it is listed once, as it is: dated by its first
    occurrence, with its :class:`Recurrence` — what
    :func:`~migrant_convention.formats.ical.to_ical` writes as one ``VEVENT``
    with an ``RRULE``.  With *expand*, each of its occurrences in the range is
    listed instead, as a one-day event without recurrence (as
    :func:`~migrant_convention.campaigns.upcoming.upcoming` lists them); this
    needs both *start* and *end*.

    >>> from migrant_convention import event_data
    >>> year = {"start": date(2015, 1, 1), "end": date(2015, 12, 31),
    ...         "kinds": ["observance"]}
    >>> [(e.when, e.recurrence is not None) for e in event_timeline(event_data.events(), **year)
    ...  if "Day" in e.title]
    [('2000-12-18', True), ('2012-06-16', True)]
    >>> [e.when for e in event_timeline(event_data.events(), **year, expand=True)
    ...  if "Day" in e.title]
    ['2015-06-16', '2015-12-18']

    :raises ValidationError: if *end* precedes *start*.
    :raises ValueError: if a kind is unknown, or *expand* is asked for an
        open range.
    """
    if start is not None and end is not None and end < start:
        raise ValidationError("invalid timeline range", [Problem(
            "end", end.isoformat(), f"ends before it starts ({start.isoformat()})", "bad-range")])
    wanted = None if kinds is None else frozenset(
        k if isinstance(k, EventKind) else parse_kind(k) for k in kinds)
    records = tuple(records)
    derived: list[Event] = []
    for record in records:
        rule = record.treaty.rules.entry_into_force
        derived.extend(treaty_events(record, universe,
                                     milestones=[rule.instruments] if rule else []))
    merged = merge_events(events, derived, records)
    out: list[Event] = []
    for e in merged:
        if wanted is not None and e.kind not in wanted:
            continue
        if e.recurrence is None:
            if e.overlaps(start, end):
                out.append(e)
        elif expand:
            if start is None or end is None:
                raise ValueError("expanding recurring events needs both start and end")
            out.extend(occurrences(e, start, end))
        elif _recurs_between(e, start, end):
            out.append(e)
    return tuple(sorted(out, key=Event.sort_key))


def _recurs_between(event: Event, start: date | None, end: date | None) -> bool:
    """Whether an occurrence of *event* falls between *start* and *end*
    (inclusive; open if ``None``) — for a one-off event, whether it can fall
    in the range at all (:meth:`Event.overlaps`).

    >>> imd = Event("International Migrants Day", EventKind.OBSERVANCE,
    ...             PartialDate.parse("2000-12-18"), recurrence=Recurrence(12, 18))
    >>> _recurs_between(imd, date(2015, 1, 1), date(2015, 12, 31))
    True
    >>> _recurs_between(imd, date(2015, 1, 1), date(2015, 12, 17))
    False
    """
    r = event.recurrence
    if r is None:
        return event.overlaps(start, end)
    last = end or date.max
    if r.until is not None:
        last = min(last, date(r.until, 12, 31))
    # Yearly, on a fixed day: the first year with an occurrence (at most
    # eight years on, for 29 February) decides.
    return next(occurrences(event, start or date.min, last), None) is not None
