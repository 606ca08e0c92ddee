"""Hypothesis strategies for property-based tests of code that uses this library.

Install the extra (``pip install migrant_convention[hypothesis]``) and use the
functions here, or simply ``st.from_type(TreatyRecord)`` (and the other public
classes): the library registers these strategies with Hypothesis through its
``hypothesis`` entry point, so nothing needs to be imported first.

Every strategy validates its arguments when it is called (not when it is
drawn from), raising :class:`hypothesis.errors.InvalidArgument`, and
everything it generates passes the library's own validation
(:func:`~migrant_convention.core.validate.validate_record`).  Each docstring says
what the strategy generates and what its examples shrink towards.

>>> from hypothesis import given
>>> from migrant_convention import validate_record
>>> @given(records_with_universes(max_participants=3))
... def test_valid(pair):
...     record, universe = pair
...     validate_record(record, universe)
>>> test_valid()

:func:`events` and :func:`campaigns` generate curated events (one-off or
recurring observances, with partial and uncertain dates, of every
:class:`~migrant_convention.campaigns.events.EventKind`) and ratification campaigns
(a window, the treaties promoted, targets and events around the window).
Their constructors accept every example; an event whose recurrence has no
last year or leap-day rule round-trips through the events CSV layout:

>>> from migrant_convention.formats.event_csv import read_events, write_events
>>> @given(events(recurring=False))
... def test_csv(event):
...     assert read_events(write_events([event])) == (event,)
>>> test_csv()
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...campaigns.events import Event, EventKind, LeapDay, Recurrence
from ...campaigns.progress import Campaign, Measure, Target
from ...core.acts import Act, ActKind
from ...core.dates import PartialDate, Precision, Resolve
from ...core.participants import Participant, ParticipantKind, check_code
from ...core.record import TreatyRecord
from ...core.rules import Alignment, Delay, DenunciationRule, EntryIntoForceRule, Role, Rules
from ...core.treaty import Treaty
from ...core.universe import Basis, Membership, Universe
from ...errors import ValidationError
from ...formats.event_csv import read_events, write_events

__all__ = [
    "DEFAULT_MAX_DATE",
    "DEFAULT_MIN_DATE",
    "acts",
    "campaigns",
    "dates",
    "delays",
    "events",
    "partial_dates",
    "participants",
    "records_with_universes",
    "treaties",
    "treaty_records",
    "universes",
]

T = TypeVar("T")

#: The earliest day generated unless you say otherwise (the UN Charter's year).
DEFAULT_MIN_DATE = date(1945, 1, 1)
#: The latest day generated unless you say otherwise.
DEFAULT_MAX_DATE = date(2099, 12, 31)

_ALL_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.ON_OR_BEFORE)
# Consent kinds, in the order examples shrink through (ratification first).
_CONSENT_KINDS = (
    ActKind.RATIFICATION,
    ActKind.ACCESSION,
    ActKind.ACCEPTANCE,
    ActKind.APPROVAL,
    ActKind.SUCCESSION,
    ActKind.DEFINITIVE_SIGNATURE,
    ActKind.FORMAL_CONFIRMATION,
    ActKind.CONSENT_TO_BE_BOUND,
)
# Withdrawn ISO 3166 codes of States that ended (or were continued) in UN times.
_FORMER_CODES = ("SUN", "YUG", "CSK", "DDR", "SCG", "YMD")
# Former States the ISO never coded: codes of our own (see participants.py).
_OWN_FORMER_CODES = ("ZANZIBAR", "SOUTH-VIET-NAM")
_NON_STATE_CODES = ("EUROPEAN-UNION", "UNESCO", "HONG-KONG", "COOK-ISLANDS-ASSOC")
_SOURCES = (
    "UN Treaty Collection status table",
    "depositary notification C.N.1.2000.TREATIES-1",
    "UN Statement of Treaties and International Agreements",
)


# -- argument checks -----------------------------------------------------------
def _check_date(value: object, name: str) -> date:
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    return value


def _check_range(min_value: object, max_value: object) -> tuple[date, date]:
    lo = _check_date(min_value, "min_value")
    hi = _check_date(max_value, "max_value")
    if lo > hi:
        raise InvalidArgument(f"min_value={lo} is after max_value={hi}")
    return lo, hi


def _check_int(value: object, name: str, least: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise InvalidArgument(f"{name}={value!r} must be an integer >= {least}")
    return value


def _check_strategy_or(value: object, cls: type[T], name: str) -> SearchStrategy[T] | None:
    if value is None:
        return None
    if isinstance(value, cls):
        return st.just(value)
    if isinstance(value, SearchStrategy):
        return value
    raise InvalidArgument(f"{name}={value!r} must be a {cls.__name__}, a strategy, or None")


@cache
def _current_codes() -> tuple[str, ...]:
    import pycountry  # lazily, as participants.py does

    return tuple(sorted(c.alpha_3 for c in pycountry.countries))


@cache
def _names() -> dict[str, str]:
    import pycountry

    out = {c.alpha_3: c.name for c in pycountry.historic_countries}
    out.update({c.alpha_3: c.name for c in pycountry.countries})
    return out


@cache
def _historic_alpha4() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_4 for c in pycountry.historic_countries}


def _name(code: str) -> str:
    from ...formats.csvio import NO_ISO_CODES  # our own codes are found again by name

    own = {v: k for k, v in NO_ISO_CODES.items()}
    return _names().get(code) or own.get(code) or code.replace("-", " ").replace("_", " ").title()


# -- dates ---------------------------------------------------------------------
def dates(
    min_value: date = DEFAULT_MIN_DATE, max_value: date = DEFAULT_MAX_DATE
) -> SearchStrategy[date]:
    """Days from *min_value* to *max_value* (both inclusive).

    Shrinks as :func:`hypothesis.strategies.dates` does: towards 1 January
    2000 when that is in range, else towards the nearer bound.
    """
    lo, hi = _check_range(min_value, max_value)
    return st.dates(lo, hi)


def _last_of_month(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _blur(day: date, precision: Precision, uncertain: bool) -> PartialDate:
    """A partial date of *precision* that contains *day*."""
    if precision is Precision.MONTH:
        return PartialDate.month(day.year, day.month, uncertain=uncertain)
    if precision is Precision.YEAR:
        return PartialDate.year(day.year, uncertain=uncertain)
    if precision is Precision.ON_OR_BEFORE:
        return PartialDate.on_or_before(day)
    return PartialDate.day(day, uncertain=uncertain)


def _within(pd: PartialDate, lo: date, hi: date) -> bool:
    return pd.latest <= hi and (pd.earliest_known is None or pd.earliest_known >= lo)


def partial_dates(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    precisions: Sequence[Precision] = _ALL_PRECISIONS,
    uncertain: bool = True,
) -> SearchStrategy[PartialDate]:
    """:class:`~migrant_convention.core.dates.PartialDate` values: days, months and
    years (each possibly flagged uncertain, ``?``, when *uncertain* is true) and
    "on or before" days, of the given *precisions*.

    Every possible day of the date lies within *min_value*..*max_value*
    (an "on or before" date's open lower bound excepted); a month or year that
    does not fit inside the bounds is generated as a day instead.

    Shrinks towards a day (the first of *precisions*), not uncertain, near
    1 January 2000.
    """
    lo, hi = _check_range(min_value, max_value)
    if isinstance(precisions, Precision | str):
        raise InvalidArgument("precisions must be a sequence of Precision values")
    chosen = tuple(precisions)
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        raise InvalidArgument(f"precisions={precisions!r} must be a non-empty sequence of "
                              "Precision values")
    if not isinstance(uncertain, bool):
        raise InvalidArgument(f"uncertain={uncertain!r} must be a bool")

    @st.composite
    def build(draw: st.DrawFn) -> PartialDate:
        day = draw(st.dates(lo, hi))
        precision = draw(st.sampled_from(chosen))
        flag = uncertain and precision is not Precision.ON_OR_BEFORE and draw(st.booleans())
        pd = _blur(day, precision, flag)
        if not _within(pd, lo, hi):
            # The month or year spills over a bound: fall back to an honest day.
            pd = PartialDate.day(day, uncertain=flag)
        return pd

    return build()


# -- participants and acts -----------------------------------------------------
_KIND_ORDER = (
    ParticipantKind.STATE,
    ParticipantKind.FORMER_STATE,
    ParticipantKind.ORGANIZATION,
    ParticipantKind.TERRITORY,
)


def participants(
    kinds: Sequence[ParticipantKind] = _KIND_ORDER,
) -> SearchStrategy[Participant]:
    """:class:`~migrant_convention.core.participants.Participant` values of the given
    *kinds*: current States (ISO 3166-1 alpha-3 codes and names from
    pycountry), former States (withdrawn ISO codes such as ``SUN`` and ``YUG``,
    or codes of our own such as ``ZANZIBAR``), and non-State participants
    (organisations and territories, with codes of four characters or more).

    Shrinks towards a current State, the first code in alphabetical order
    (``ABW``), without former names.
    """
    if isinstance(kinds, ParticipantKind | str):
        raise InvalidArgument("kinds must be a sequence of ParticipantKind values")
    chosen = tuple(k for k in _KIND_ORDER if k in tuple(kinds))
    if not chosen or len(chosen) != len(set(kinds)):
        raise InvalidArgument(f"kinds={kinds!r} must be a non-empty sequence of "
                              "ParticipantKind values")
    non_state_code = st.sampled_from(_NON_STATE_CODES) | st.from_regex(
        r"[A-Z][A-Z0-9_-]{3,20}", fullmatch=True
    )

    def code_for(kind: ParticipantKind) -> SearchStrategy[str]:
        if kind is ParticipantKind.STATE:
            return st.deferred(lambda: st.sampled_from(_current_codes()))
        if kind is ParticipantKind.FORMER_STATE:
            return st.sampled_from(_FORMER_CODES + _OWN_FORMER_CODES)
        return non_state_code

    @st.composite
    def build(draw: st.DrawFn) -> Participant:
        kind = draw(st.sampled_from(chosen))
        code = draw(code_for(kind))
        former = draw(st.lists(st.sampled_from(["(former name)", f"{code} (as listed)"]),
                               max_size=1))
        return Participant(code, _name(code), kind, former)

    return build()


_SIGNATURE_LIKE = (ActKind.SIGNATURE, ActKind.SUCCESSION_TO_SIGNATURE)


def acts(
    participant: str | SearchStrategy[str] | None = None,
    *,
    kinds: Sequence[ActKind] = tuple(ActKind),
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
) -> SearchStrategy[Act]:
    """Single :class:`~migrant_convention.core.acts.Act` values, one of each of *kinds*
    (every :class:`~migrant_convention.core.acts.ActKind` by default), by
    *participant* (a code, a strategy of codes, or by default the code of a
    :func:`participants` example), dated by :func:`partial_dates` within the
    bounds; declarations name an article; acts carry sources.

    An act alone is not a history: use :func:`treaty_records` for acts that
    make sense together.  Shrinks towards a signature dated by a day near
    1 January 2000, by the first participant code.
    """
    lo, hi = _check_range(min_value, max_value)
    if isinstance(kinds, ActKind | str):
        raise InvalidArgument("kinds must be a sequence of ActKind values")
    chosen = tuple(dict.fromkeys(kinds))
    if not chosen or not all(isinstance(k, ActKind) for k in chosen):
        raise InvalidArgument(f"kinds={kinds!r} must be a non-empty sequence of ActKind values")
    if participant is None:
        codes: SearchStrategy[str] = participants().map(lambda p: p.code)
    elif isinstance(participant, str):
        if check_code(participant, ParticipantKind.ORGANIZATION) is not None:
            raise InvalidArgument(f"participant={participant!r} is not a participant code")
        codes = st.just(participant)
    elif isinstance(participant, SearchStrategy):
        codes = participant
    else:
        raise InvalidArgument(f"participant={participant!r} must be a code or a strategy")

    @st.composite
    def build(draw: st.DrawFn) -> Act:
        kind = draw(st.sampled_from(chosen))
        article = draw(st.sampled_from(["76", "77", "14"])) if kind is ActKind.DECLARATION else None
        sources = draw(st.lists(st.sampled_from(_SOURCES), min_size=1, max_size=2, unique=True))
        return Act(draw(codes), kind, draw(partial_dates(lo, hi)), article, sources)

    return build()


# -- treaties ------------------------------------------------------------------
def delays(*, max_months: int = 24, max_days: int = 90) -> SearchStrategy[Delay]:
    """:class:`~migrant_convention.core.treaty.Delay` values of up to *max_months*
    months and *max_days* days, with either alignment.

    Shrinks towards no delay at all (``Delay()``).
    """
    _check_int(max_months, "max_months", 0)
    _check_int(max_days, "max_days", 0)
    return st.builds(
        Delay,
        months=st.integers(0, max_months),
        days=st.integers(0, max_days),
        alignment=st.sampled_from([Alignment.NONE, Alignment.FIRST_OF_NEXT_MONTH]),
    )


def treaties(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    max_instruments: int = 10,
    denunciation: bool | None = None,
) -> SearchStrategy[Treaty]:
    """:class:`~migrant_convention.core.treaty.Treaty` values adopted within the
    bounds, with varied rules: the consent kinds and which of them need a
    prior signature, 1 to *max_instruments* instruments for entry into force,
    the delays and their alignment (general and for later participants), a
    denunciation clause (always with *denunciation* true, never with false,
    either by default) with or without a minimum period, and sometimes a last
    day for signature.

    Shrinks towards a treaty adopted and opened on one day near 1 January
    2000, consent by ratification needing a signature, one instrument, no
    delays, no denunciation clause, signature never closing.
    """
    lo, hi = _check_range(min_value, max_value)
    _check_int(max_instruments, "max_instruments", 1)
    if denunciation is not None and not isinstance(denunciation, bool):
        raise InvalidArgument(f"denunciation={denunciation!r} must be True, False or None")

    @st.composite
    def build(draw: st.DrawFn) -> Treaty:
        adopted = draw(st.dates(lo, hi))
        opened = adopted + timedelta(days=draw(st.integers(0, min(365, (hi - adopted).days))))
        consent = draw(st.sets(st.sampled_from(_CONSENT_KINDS), min_size=1))
        needing = frozenset(
            k for k in sorted(consent, key=_CONSENT_KINDS.index)
            # drawn as "not exempt", so examples shrink towards needing a signature
            if k not in (ActKind.ACCESSION, ActKind.DEFINITIVE_SIGNATURE)
            and not draw(st.booleans())
        )
        eif = EntryIntoForceRule(draw(st.integers(1, max_instruments)), draw(delays()),
                                 draw(delays()))
        has_clause = draw(st.booleans()) if denunciation is None else denunciation
        rule = None
        if has_clause:
            not_before = draw(st.none() | delays(max_months=72))
            rule = DenunciationRule(draw(delays()), not_before)
        closes = None
        if draw(st.booleans()):
            closes = opened + timedelta(days=draw(st.integers(0, 3650)))
        number = draw(st.integers(1, 99))
        return Treaty(
            id=f"T-{number}",
            title=f"Generated Convention no. {number}",
            short_name=f"GC{number}",
            adopted=adopted,
            opened_for_signature=opened,
            depositary="Secretary-General of the United Nations",
            rules=Rules(eif, consent, needing, rule, closes),
        )

    return build()


# -- universes -----------------------------------------------------------------
def universes(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    min_states: int = 1,
    max_states: int = 8,
    lineage: bool | None = None,
) -> SearchStrategy[Universe]:
    """Small dated :class:`~migrant_convention.core.universe.Universe` values:
    *min_states* to *max_states* current States (some admitted in two periods,
    say first as a non-member State), sometimes a former State that ended,
    and — always with *lineage* true, never with false, sometimes by
    default — a lineage of continuing States (a former State continued by
    another, itself continued by a current State, like the FRY, Serbia and
    Montenegro and Serbia).  Every period starts within the bounds.

    Shrinks towards *min_states* States in the universe from one day near
    1 January 2000, with no former States.
    """
    lo, hi = _check_range(min_value, max_value)
    _check_int(min_states, "min_states", 0)
    _check_int(max_states, "max_states", 1)
    if min_states > max_states:
        raise InvalidArgument(f"min_states={min_states} exceeds max_states={max_states}")
    if lineage is not None and not isinstance(lineage, bool):
        raise InvalidArgument(f"lineage={lineage!r} must be True, False or None")
    if lineage and hi - lo < timedelta(days=2):
        raise InvalidArgument("a lineage needs at least three days between the bounds")

    def after(draw: st.DrawFn, day: date) -> date:
        return day + timedelta(days=draw(st.integers(0, (hi - day).days)))

    @st.composite
    def build(draw: st.DrawFn) -> Universe:
        codes = draw(st.lists(st.deferred(lambda: st.sampled_from(_current_codes())),
                              min_size=min_states, max_size=max_states, unique=True))
        periods: list[Membership] = []
        for code in codes:
            start = draw(st.dates(lo, hi))
            if start < hi and draw(st.booleans()):
                # First a non-member State, later a member (Switzerland, Albania).
                end = after(draw, start)
                if end < hi:
                    periods.append(Membership(code, _name(code), start, end,
                                              Basis.NON_MEMBER_STATE))
                    start = after(draw, end + timedelta(days=1))
            periods.append(Membership(code, _name(code), start, None, Basis.UN_MEMBER))
        used = set(codes)
        with_lineage = draw(st.booleans()) if lineage is None else lineage
        if with_lineage and hi - lo >= timedelta(days=2):
            current = draw(st.deferred(lambda: st.sampled_from(_current_codes()))
                           .filter(lambda c: c not in used))
            first, second = draw(st.lists(st.sampled_from(_FORMER_CODES), min_size=2,
                                          max_size=2, unique=True))
            start = draw(st.dates(lo, hi - timedelta(days=2)))
            e1 = start + timedelta(days=draw(st.integers(0, (hi - start).days - 2)))
            e2 = e1 + timedelta(days=draw(st.integers(1, (hi - e1).days - 1)))
            for code, a, b, cont in (
                (first, start, e1, None),
                (second, e1 + timedelta(days=1), e2, first),
                (current, e2 + timedelta(days=1), None, second),
            ):
                status = "current" if b is None else f"historic:{_historic_alpha4()[code]}"
                periods.append(Membership(code, _name(code), a, b, Basis.UN_MEMBER, cont, status))
                used.add(code)
        if draw(st.booleans()):
            # A State that ended without a continuing State (Czechoslovakia).
            gone = draw(st.sampled_from(_FORMER_CODES + _OWN_FORMER_CODES)
                        .filter(lambda c: c not in used))
            start = draw(st.dates(lo, hi))
            status = (f"historic:{_historic_alpha4()[gone]}" if gone in _FORMER_CODES
                      else "none")
            periods.append(Membership(gone, _name(gone), start, after(draw, start),
                                      Basis.UN_MEMBER, None, status))
        return Universe(periods, sources=("generated by migrant_convention.testing.strategies",))

    return build()


# -- records -------------------------------------------------------------------
class _Coverage:
    """The days on which a lineage is in the universe, within bounds."""

    def __init__(self, spans: list[tuple[date, date]]) -> None:
        self.spans = sorted(spans)

    def covers(self, day: date) -> bool:
        """Whether the lineage is in the universe on *day*."""
        return any(a <= day <= b for a, b in self.spans)

    def day_from(self, draw: st.DrawFn, earliest: date) -> date | None:
        """A covered day on or after *earliest* (shrinks towards the first one)."""
        pieces = [(max(a, earliest), b) for a, b in self.spans if b >= earliest]
        pieces = [(a, b) for a, b in pieces if a <= b]
        if not pieces:
            return None
        total = sum((b - a).days + 1 for a, b in pieces)
        offset = draw(st.integers(0, total - 1))
        for a, b in pieces:
            size = (b - a).days + 1
            if offset < size:
                return a + timedelta(days=offset)
            offset -= size
        raise AssertionError("unreachable")  # pragma: no cover


def _bind(
    f: Callable[[tuple[str, ...], date], str], group: tuple[str, ...]
) -> Callable[[date], str]:
    return lambda day: f(group, day)


def _constant(code: str) -> Callable[[date], str]:
    return lambda _day: code


@st.composite
def _record(
    draw: st.DrawFn,
    pair_s: SearchStrategy[tuple[Treaty, Universe]],
    max_value: date | None,
    max_participants: int,
    imprecise: bool,
    denunciations: bool,
    non_states: bool,
) -> tuple[TreatyRecord, Universe]:
    treaty, universe = draw(pair_s)
    rules = treaty.rules
    floor = treaty.adopted
    last = max_value if max_value is not None else min(
        DEFAULT_MAX_DATE, floor.replace(year=min(floor.year + 50, 9999), day=1)
    )
    lineages = sorted({universe.lineage(c) for c in universe.codes})
    how_many = draw(st.integers(0, min(max_participants, len(lineages))))
    chosen = draw(st.permutations(lineages))[:how_many] if how_many else []
    consent_kinds = sorted(rules.consent, key=_CONSENT_KINDS.index)
    free_kinds = [k for k in consent_kinds if k not in rules.requires_signature]
    sign_from, sign_until = treaty.opened_for_signature, rules.signature_closes or last

    # (act, true day, lineage, exact?) for each act; dates blurred afterwards.
    planned: list[tuple[Act, date, tuple[str, ...] | None, bool]] = []

    def listed(group: tuple[str, ...], day: date) -> str:
        holder = next((c for c in group if universe.contains(c, day)), group[-1])
        return draw(st.sampled_from(sorted({holder, group[-1]})))

    def act(code: str, kind: ActKind, day: date, article: str | None = None) -> Act:
        return Act(code, kind, PartialDate.day(day), article,
                   draw(st.lists(st.sampled_from(_SOURCES), min_size=1, max_size=2, unique=True)))

    def history(group: tuple[str, ...] | None, cover: _Coverage, exact: bool,
                code_of: Callable[[date], str]) -> None:
        plan = draw(st.sampled_from(["sign+consent", "consent", "sign", "nothing"]))
        signed: date | None = None
        if "sign" in plan:
            kind = ActKind.SIGNATURE
            if group is not None and len(group) > 1 and draw(st.booleans()):
                kind = ActKind.SUCCESSION_TO_SIGNATURE
            start = sign_from if kind is ActKind.SIGNATURE else floor
            day = cover.day_from(draw, start)
            if day is not None and (kind is not ActKind.SIGNATURE or day <= sign_until):
                signed = day
                planned.append((act(code_of(day), kind, day), day, group, exact))
        if "consent" not in plan:
            return
        kinds = consent_kinds if signed is not None else free_kinds
        if not kinds:
            return
        kind = draw(st.sampled_from(kinds))
        day = cover.day_from(draw, signed or floor)
        if day is None:
            return
        planned.append((act(code_of(day), kind, day), day, group, exact))
        if draw(st.booleans()):
            later = cover.day_from(draw, day)
            if later is not None:
                extra = draw(st.sampled_from([ActKind.DECLARATION,
                                              ActKind.PROVISIONAL_APPLICATION]))
                article = "77" if extra is ActKind.DECLARATION else None
                planned.append((act(code_of(later), extra, later, article), later, group, exact))

    covers: dict[tuple[str, ...], _Coverage] = {}
    for group in chosen:
        spans = [
            (max(p.start, floor), min(p.end or last, last))
            for p in sorted(universe.lineage_periods(group[0]), key=lambda p: p.start)
        ]
        covers[group] = _Coverage([(a, b) for a, b in spans if a <= b])
        exact = not imprecise or draw(st.booleans())
        history(group, covers[group], exact, _bind(listed, group))
    organisations: list[Participant] = []
    if non_states:
        for code in draw(st.lists(st.sampled_from(_NON_STATE_CODES), unique=True, max_size=2)):
            if code in universe.codes:
                continue
            organisations.append(Participant(code, _name(code), ParticipantKind.ORGANIZATION))
            history(None, _Coverage([(floor, last)]), True, _constant(code))

    # Blur the dates of the lineages that may be imprecise, keeping every
    # check validation makes true: the day meant stays inside the range.
    dated: list[tuple[Act, date]] = []
    for a, day, _, exact in planned:
        if not exact:
            precision = draw(st.sampled_from(_ALL_PRECISIONS))
            flag = precision is not Precision.ON_OR_BEFORE and draw(st.booleans())
            pd = _blur(day, precision, flag)
            lo, hi = pd.bounded(floor)
            if pd.latest <= last and (
                universe.in_lineage_on(a.participant, lo) or universe.in_lineage_on(
                    a.participant, hi)
            ):
                a = Act(a.participant, a.kind, pd, a.article, a.sources)
        dated.append((a, day))

    # Denunciations (and re-accessions) come once the treaty is in force for
    # the party, after the minimum period: exact dates only, so that their
    # order is never in doubt.  The rules date the general entry into force
    # with every date at its latest, as the validation reads it.
    general = rules.general_entry_into_force(
        [a for a, _ in dated], lambda a: a.date.resolved(Resolve.LATEST, floor))
    if denunciations and rules.denunciation is not None and general is not None:
        clause = rules.denunciation
        for a, day, owner, exact in list(planned):
            if (not exact or owner is None or rules.role(a.kind) is not Role.CONSENT
                    or draw(st.integers(0, 3)) == 0):
                continue
            group = owner
            in_force = rules.entry_into_force_for(general, day)
            if in_force is None:  # pragma: no cover - general is known, so is the rule
                continue
            notified = covers[group].day_from(draw, clause.first_notification(in_force))
            if notified is None:
                continue
            dated.append((act(listed(group, notified), ActKind.DENUNCIATION, notified), notified))
            effect = clause.effect(notified)
            again = covers[group].day_from(draw, effect) if draw(st.booleans()) else None
            if again is not None and covers[group].covers(effect) and draw(st.booleans()):
                again = effect  # rejoining on the very day the denunciation takes effect
            signed = any(rules.role(b.kind) is Role.SIGNATURE and b.participant in group
                         for b, _ in dated)
            kinds = consent_kinds if signed else free_kinds
            if again is not None and kinds:
                dated.append((act(listed(group, again), draw(st.sampled_from(kinds)), again),
                              again))

    record_acts = _shuffled_keeping_each_lineage_in_order(
        draw(st.permutations(range(len(dated)))), dated, universe)
    codes = dict.fromkeys(a.participant for a in record_acts)
    people = [
        Participant(c, universe.name(c), ParticipantKind.STATE if c in _current_codes()
                    else ParticipantKind.FORMER_STATE)
        for c in codes if c in universe.codes
    ]
    people += [p for p in organisations if p.code in codes]
    as_of = max((a.date.latest for a, _ in dated), default=floor)
    record = TreatyRecord(treaty, record_acts, people, as_of,
                          ("generated by migrant_convention.testing.strategies",))
    return record, universe


def _shuffled_keeping_each_lineage_in_order(
    perm: Sequence[int], dated: Sequence[tuple[Act, date]], universe: Universe
) -> list[Act]:
    """The acts in the order *perm*, except that each lineage's own acts keep
    their chronological order in the slots that lineage got.  Functions must
    not depend on how a record interleaves different States, but same-day acts
    of one State keep the source's order (a denunciation taking effect at once
    and a new accession that day mean different things in different orders)."""
    slots: dict[tuple[str, ...], list[int]] = {}
    for pos, i in enumerate(perm):
        slots.setdefault(universe.lineage(dated[i][0].participant), []).append(pos)
    out: list[Act] = [dated[i][0] for i in perm]
    for positions in slots.values():
        chronological = sorted((perm[p] for p in positions), key=lambda i: (dated[i][1], i))
        for pos, i in zip(positions, chronological, strict=True):
            out[pos] = dated[i][0]
    return out


def _universe_around(treaty: Treaty, max_value: date | None) -> SearchStrategy[Universe]:
    start = max(DEFAULT_MIN_DATE, treaty.adopted - timedelta(days=20 * 365))
    end = min(max_value or DEFAULT_MAX_DATE, treaty.adopted + timedelta(days=20 * 365))
    return universes(start, max(start, end), min_states=2)


def _record_args(
    treaty: Treaty | SearchStrategy[Treaty] | None,
    max_value: date | None,
    max_participants: int,
    imprecise: bool,
    denunciations: bool,
    non_states: bool,
) -> SearchStrategy[Treaty]:
    if max_value is not None:
        _check_date(max_value, "max_value")
    _check_int(max_participants, "max_participants", 0)
    for name, flag in (("imprecise", imprecise), ("denunciations", denunciations),
                       ("non_states", non_states)):
        if not isinstance(flag, bool):
            raise InvalidArgument(f"{name}={flag!r} must be a bool")
    treaty_s = _check_strategy_or(treaty, Treaty, "treaty")
    # Few instruments, so that generated treaties often enter into force.
    return treaty_s if treaty_s is not None else treaties(
        DEFAULT_MIN_DATE, max_value or DEFAULT_MAX_DATE, max_instruments=3)


def records_with_universes(
    *,
    treaty: Treaty | SearchStrategy[Treaty] | None = None,
    universe: Universe | SearchStrategy[Universe] | None = None,
    max_value: date | None = None,
    max_participants: int = 8,
    imprecise: bool = True,
    denunciations: bool = True,
    non_states: bool = True,
) -> SearchStrategy[tuple[TreatyRecord, Universe]]:
    """Pairs ``(record, universe)``: a consistent history of *treaty* (by
    default from :func:`treaties`) for States of *universe* (by default from
    :func:`universes`, which is how you get small universes with a
    continuing-State lineage).

    The history is consistent, as :func:`treaty_records` describes; the pair
    always passes ``validate_record(record, universe)``.
    """
    treaty_s = _record_args(treaty, max_value, max_participants, imprecise, denunciations,
                            non_states)
    universe_s = _check_strategy_or(universe, Universe, "universe")
    if universe_s is None:
        # A universe of States that exist around the treaty's time.
        pair_s = treaty_s.flatmap(lambda t: st.tuples(st.just(t), _universe_around(t, max_value)))
    else:
        pair_s = st.tuples(treaty_s, universe_s)
    return _record(pair_s, max_value, max_participants, imprecise,
                   denunciations, non_states)


def treaty_records(
    *,
    treaty: Treaty | SearchStrategy[Treaty] | None = None,
    universe: Universe | SearchStrategy[Universe] | None = None,
    max_value: date | None = None,
    max_participants: int = 8,
    imprecise: bool = True,
    denunciations: bool = True,
    non_states: bool = True,
) -> SearchStrategy[TreatyRecord]:
    """Consistent :class:`~migrant_convention.core.record.TreatyRecord` histories
    of *treaty* (by default from :func:`treaties`) for up to
    *max_participants* lineages of States of *universe* (by default the
    bundled universe of States, :func:`migrant_convention.data.states`), plus,
    with *non_states*, up to two organisations:

    * signatures only while the treaty is open for signature; a signature
      before every consent whose kind the rules say needs one; accessions
      (and other kinds that need none) without signature;
    * at most one consent per participant at a time;
    * with *denunciations*, a denunciation only once the treaty is in force
      for the party and its minimum period has run, sometimes followed by a
      new consent once the denunciation has taken effect;
    * acts of a State only on days when it (or a State of its lineage: a
      predecessor's acts may be listed under its continuator's code) is in
      the universe;
    * with *imprecise*, dates known to the month, to the year, flagged
      uncertain, or "on or before", each containing the day meant;
    * every date no later than *max_value* (default: 50 years after adoption).

    Acts come in any order (records list them in the order of their source).
    Shrinks towards an empty record of a shrunk :func:`treaties` example,
    then towards fewer participants, exact dates, acts in chronological
    order and earlier days.
    """
    treaty_s = _record_args(treaty, max_value, max_participants, imprecise, denunciations,
                            non_states)
    universe_s = _check_strategy_or(universe, Universe, "universe")
    if universe_s is None:
        from ... import data

        universe_s = st.deferred(lambda: st.just(data.states()))
    return _record(st.tuples(treaty_s, universe_s), max_value, max_participants, imprecise,
                   denunciations, non_states).map(lambda pair: pair[0])


# -- events and campaigns ------------------------------------------------------
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


def _check_flag(value: object, name: str, optional: bool = False) -> None:
    if not isinstance(value, bool) and not (optional and value is None):
        raise InvalidArgument(f"{name}={value!r} must be a bool" + (" or None" if optional
                                                                    else ""))


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
