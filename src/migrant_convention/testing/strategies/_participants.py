"""Participants and single acts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...core.acts import Act, ActKind
from ...core.participants import Participant, ParticipantKind, check_code
from ._args import _check_range
from ._dates import DEFAULT_MAX_DATE, DEFAULT_MIN_DATE, partial_dates
from ._vocabulary import (
    _FORMER_CODES,
    _NON_STATE_CODES,
    _OWN_FORMER_CODES,
    _SOURCES,
    _current_codes,
    _name,
)

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
