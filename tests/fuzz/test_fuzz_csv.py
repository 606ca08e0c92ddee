"""CSV under attack: every CSV reader of the library (acts, universe, events,
M49 regions, regional groups) given any text, any text after its real header,
and its bundled file mutated (bits flipped, lines deleted, duplicated, swapped,
the text cut short, cells replaced by far dates, huge numbers, lone
surrogates, formulas, quotes...).

Only the library's errors come out, printable and located; what is read
round-trips: written (spreadsheet-safe) and read again, it is the same, and a
universe read is a valid :class:`~migrant_convention.core.universe.Universe`.
"""

from __future__ import annotations

from collections.abc import Callable

from fuzzing import HOSTILE_TEXT, attack, bundled, edits, examples, mutate
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.formats import csvio, event_csv
from migrant_convention.places import regions


def _acts(text: str) -> object:
    acts, participants = csvio.read_acts(text, "acts.csv")
    assert csvio.read_acts(csvio.write_acts(acts), "again.csv") == (acts, participants)
    return acts


def _universe(text: str) -> object:
    periods = csvio.read_universe(text, "universe.csv")
    mc.Universe(periods)  # checked alike: nothing a Universe would refuse was read
    assert csvio.read_universe(csvio.write_universe(periods), "again.csv") == periods
    return periods


def _events(text: str) -> object:
    events = event_csv.read_events(text, "events.csv")
    assert event_csv.read_events(event_csv.write_events(events), "again.csv") == events
    return events


#: Each reader (reading, then checking the round trip) and its bundled file.
READERS: dict[str, tuple[Callable[[str], object], str]] = {
    "acts": (_acts, "icrmw_actions.csv"),
    "universe": (_universe, "states_universe.csv"),
    "events": (_events, "campaign_events.csv"),
    "m49": (lambda t: regions.read_m49(t, "m49.csv"), "m49_regions.csv"),
    "groups": (lambda t: regions.read_regional_groups(t, "groups.csv"),
               "un_regional_groups.csv"),
}
NAMES = sorted(READERS)


def _header(name: str) -> str:
    return bundled(READERS[name][1]).partition("\n")[0] + "\n"


@examples()
@given(st.sampled_from(NAMES), st.text(max_size=300) | HOSTILE_TEXT)
def test_any_text(name: str, text: str) -> None:
    attack(lambda: READERS[name][0](text))


@examples()
@given(st.sampled_from(NAMES), HOSTILE_TEXT, st.booleans())
def test_any_rows_under_the_real_header(name: str, rows: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + _header(name) + rows
    attack(lambda: READERS[name][0](text))


@examples()
@given(st.sampled_from(NAMES), st.data())
def test_real_rows_with_hostile_cells(name: str, data: st.DataObject) -> None:
    # A few real rows (so the reader gets past them) with some cells hostile.
    lines = bundled(READERS[name][1]).splitlines(keepends=True)
    start = data.draw(st.integers(1, len(lines) - 1))
    text = mutate(lines[0] + "".join(lines[start:start + 5]),
                  [*data.draw(edits()), ("cell", data.draw(st.integers(1, 5)),
                                         data.draw(st.integers(0, 9)),
                                         data.draw(st.text(max_size=3)))])
    attack(lambda: READERS[name][0](text))


@examples()
@given(st.sampled_from(NAMES), edits())
def test_mutated_bundled_files(name: str, changes: list[tuple[str, int, int, str]]) -> None:
    read, file = READERS[name]
    text = mutate(bundled(file), changes)
    attack(lambda: read(text))
