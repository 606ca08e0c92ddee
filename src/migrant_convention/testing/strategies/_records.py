"""Treaty records, alone or with the universe of States they fit."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...core.record import TreatyRecord
from ...core.treaty import Treaty
from ...core.universe import Universe
from ._args import _check_date, _check_int, _check_strategy_or
from ._dates import DEFAULT_MAX_DATE, DEFAULT_MIN_DATE
from ._histories import _record
from ._treaties import treaties
from ._universes import _universe_around


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
