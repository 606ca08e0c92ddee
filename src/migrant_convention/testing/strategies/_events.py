"""Curated events and ratification campaigns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...campaigns.events import Event, EventKind, LeapDay, Recurrence
from ...campaigns.progress import Campaign, Measure, Target
from ...core.dates import PartialDate, Precision
from ...errors import ValidationError
from ...formats.event_csv import read_events, write_events
from ._args import _check_flag, _check_int, _check_range
from ._dates import _ALL_PRECISIONS, DEFAULT_MAX_DATE, DEFAULT_MIN_DATE, partial_dates

_EVENT_TITLES = (
    "International Migrants Day",
    "Meeting of States Parties",
    "Global Forum on Migration and Development",
    "Launch of a ratification campaign",
    "Regional consultation on labour migration (Asia; Pacific)",
)
_ORGANISER_NAMES = (
    "Migrant Forum in Asia",
    "OHCHR",
    "ILO",
    "Migrant Rights International",
    "Committee on Migrant Workers (CMW; Geneva)",
)
_LOCATIONS = ("Geneva, Switzerland", "New York, United States", "Kathmandu, Nepal")
_EVENT_SOURCES = (
    "https://www.ohchr.org/en/treaty-bodies/cmw",
    "UN General Assembly resolution 45/158",
    "UNCERTAIN: a single archived page",
    "Migrant Forum in Asia statement",
)
_CAMPAIGN_NAMES = (
    "Step It Up: Dignity, Rights, Development",
    "Ratify the Migrant Workers Convention",
    "Decent Work for Domestic Workers",
)
_TREATY_IDS = ("IV-13", "ILO C097", "ILO C143", "ILO C181", "ILO C189", "IV-3")
_MARGIN = timedelta(days=366)


def _text(*, max_size: int, newlines: bool = False, exclude: str = "") -> SearchStrategy[str]:
    # Any printable text (no control characters, no surrogates), so that
    # writers and parsers meet accents, right-to-left scripts and emoji.
    chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                          exclude_characters=exclude, include_characters="\n" if newlines else "")
    return st.text(chars, max_size=max_size)


def _names_from(vocabulary: Sequence[str], *, max_size: int, exclude: str = ""
                ) -> SearchStrategy[str]:
    """A name from *vocabulary* (examples shrink to its first) or stripped free text."""
    free = _text(max_size=max_size, exclude=exclude).map(str.strip).filter(bool)
    return st.sampled_from(vocabulary) | free


def _reads_back_one_off(title: str) -> bool:
    """Whether the events CSV layout reads a one-off event titled *title* back
    as it was: a title ending like a recurrence marker (``"... (recurs every
    18 December)"``) would be read as a recurring observance, or refused."""
    probe = Event(title, EventKind.OBSERVANCE, PartialDate.day(date(2000, 1, 1)),
                  sources=("probe",))
    try:
        (back,) = read_events(write_events([probe]))
    except ValidationError:
        return False
    return back == probe


def _check_kinds(kinds: object) -> tuple[EventKind, ...]:
    if isinstance(kinds, EventKind | str) or not isinstance(kinds, Sequence | set | frozenset):
        raise InvalidArgument(f"kinds={kinds!r} must be a sequence of EventKind values")
    chosen = tuple(dict.fromkeys(kinds))
    if not chosen or not all(isinstance(k, EventKind) for k in chosen):
        raise InvalidArgument(f"kinds={kinds!r} must be a non-empty sequence of "
                              "EventKind values")
    return chosen


def events(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    kinds: Sequence[EventKind] = tuple(EventKind),
    recurring: bool | None = None,
    imprecise: bool = True,
) -> SearchStrategy[Event]:
    """Curated :class:`~migrant_convention.campaigns.events.Event` values of the given
    *kinds* (every :class:`~migrant_convention.campaigns.events.EventKind` by default):

    * one-off events starting on a :func:`partial_dates` example — a day, or
      with *imprecise* a month, a year, a date flagged uncertain (``?``) or
      "on or before" a day — and sometimes ending on a later date (an end is
      never before the start: every day it can be is on or after the first
      day the start can be);
    * with *recurring* (always when true, never when false, sometimes by
      default) recurring observances: an ``OBSERVANCE`` whose start is its
      first occurrence, a day, with a yearly
      :class:`~migrant_convention.campaigns.events.Recurrence` on that day, sometimes a
      last year, and for 29 February either :class:`~migrant_convention.campaigns.events.LeapDay`;
    * a title, organisers, a location and a description (names from a small
      vocabulary or any printable text, descriptions possibly over several
      lines) and one to three sources, some flagged ``"UNCERTAIN: ..."``.

    Every day of the start and end lies within *min_value*..*max_value* (an
    "on or before" date's open lower bound excepted), and so does a
    recurrence's last year.  Events are curated ones (no ``treaty`` or
    ``participant``: :func:`~migrant_convention.campaigns.events.treaty_events` derives
    those).  Text never holds the separators of the events CSV layout inside
    one item (``"; "`` outside parentheses between organisers, ``" | "``
    between sources) nor control characters other than a description's line
    breaks, so an event without a last year or leap-day rule on its
    recurrence round-trips through
    :func:`~migrant_convention.formats.event_csv.write_events` and
    :func:`~migrant_convention.formats.event_csv.read_events`.

    Shrinks towards a one-off event of the first of *kinds*, on a day near
    1 January 2000, with no end, the title "International Migrants Day", no
    organisers, location or description, and one source.
    """
    lo, hi = _check_range(min_value, max_value)
    chosen = _check_kinds(kinds)
    _check_flag(recurring, "recurring", optional=True)
    _check_flag(imprecise, "imprecise")
    if recurring and EventKind.OBSERVANCE not in chosen:
        raise InvalidArgument("recurring=True needs EventKind.OBSERVANCE among the kinds: "
                              "only an observance recurs")
    may_recur = EventKind.OBSERVANCE in chosen and recurring is not False
    precisions = _ALL_PRECISIONS if imprecise else (Precision.DAY,)
    titles = _names_from(_EVENT_TITLES, max_size=40).filter(_reads_back_one_off)
    # No ";", "(" or ")" in free text: the CSV layout splits organisers on
    # "; " outside parentheses; no "|" in a source: sources are split on " | ".
    organisers = st.lists(_names_from(_ORGANISER_NAMES, max_size=30, exclude=";()"),
                          max_size=3, unique=True)
    sources = st.lists(_names_from(_EVENT_SOURCES, max_size=40, exclude="|"),
                       min_size=1, max_size=3, unique=True)
    location = st.just("") | st.sampled_from(_LOCATIONS) | _text(max_size=30)
    description = st.just("") | _text(max_size=80, newlines=True)

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        recurs = draw(st.booleans()) if may_recur and recurring is None else bool(recurring)
        recurrence: Recurrence | None = None
        end: PartialDate | None = None
        if recurs:
            kind = EventKind.OBSERVANCE
            day = draw(st.dates(lo, hi))
            start = PartialDate.day(day, uncertain=imprecise and draw(st.booleans()))
            until = draw(st.none() | st.integers(day.year, hi.year))
            leap = (draw(st.sampled_from(LeapDay)) if (day.month, day.day) == (2, 29)
                    else LeapDay.SKIP)
            recurrence = Recurrence(day.month, day.day, until, leap)
        else:
            kind = draw(st.sampled_from(chosen))
            start = draw(partial_dates(lo, hi, precisions=precisions, uncertain=imprecise))
            if draw(st.booleans()):
                first = start.earliest_known or start.latest
                end = draw(partial_dates(first, hi, precisions=precisions, uncertain=imprecise))
        return Event(draw(titles), kind, start, end, draw(location), draw(organisers),
                     draw(description), draw(sources), recurrence)

    return build()


def campaigns(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    treaties: Sequence[str] = _TREATY_IDS,
    max_events: int = 4,
    targets: bool = True,
) -> SearchStrategy[Campaign]:
    """:class:`~migrant_convention.campaigns.Campaign` values whose window
    (start on or before end) lies within *min_value*..*max_value*: a name,
    up to four organisers, one to three treaty ids taken from *treaties* (by
    default the UNTC and ILO ids the bundled campaign promotes, ``"IV-13"``
    first), with *targets* up to three
    :class:`~migrant_convention.campaigns.Target` values for those treaties
    (any :class:`~migrant_convention.campaigns.Measure`, a count from 0 to
    200), up to *max_events* :func:`events` inside the window or up to a year
    around it (still within the bounds), in chronological order, a
    description and one or two sources.

    Shrinks towards a campaign of one day near 1 January 2000 named
    "Step It Up: Dignity, Rights, Development", promoting the first of
    *treaties* only, without organisers, targets or events.
    """
    lo, hi = _check_range(min_value, max_value)
    if isinstance(treaties, str) or not isinstance(treaties, Sequence):
        raise InvalidArgument(f"treaties={treaties!r} must be a sequence of treaty ids")
    ids = tuple(dict.fromkeys(treaties))
    if not ids or not all(isinstance(t, str) and t.strip() == t and t for t in ids):
        raise InvalidArgument(f"treaties={treaties!r} must be a non-empty sequence of "
                              "treaty ids (non-empty text without surrounding spaces)")
    _check_int(max_events, "max_events", 0)
    _check_flag(targets, "targets")
    names = _names_from(_CAMPAIGN_NAMES, max_size=60)
    organisers = st.lists(_names_from(_ORGANISER_NAMES, max_size=30), max_size=4, unique=True)
    description = st.just("") | _text(max_size=80, newlines=True)
    sources = st.lists(_names_from(_EVENT_SOURCES, max_size=40), min_size=1, max_size=2,
                       unique=True)

    @st.composite
    def build(draw: st.DrawFn) -> Campaign:
        start = draw(st.dates(lo, hi))
        end = start + timedelta(days=draw(st.integers(0, (hi - start).days)))
        promoted = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=min(3, len(ids)),
                                 unique=True))
        goals: list[Target] = []
        if targets:
            goals = draw(st.lists(st.builds(
                Target, st.sampled_from(promoted), st.sampled_from(Measure),
                st.integers(0, 200), st.lists(st.sampled_from(_EVENT_SOURCES), max_size=1),
            ), max_size=3))
        # Computed from the distances so that no day past date.min/max is made.
        near = events(start - _MARGIN if start - lo > _MARGIN else lo,
                      end + _MARGIN if hi - end > _MARGIN else hi)
        held = draw(st.lists(near, max_size=max_events)) if max_events else []
        return Campaign(draw(names), start, end, draw(organisers), promoted, goals,
                        sorted(held, key=Event.sort_key), draw(description), draw(sources))

    return build()
