"""JSON under attack: ``serialize.from_json`` given any bytes, any text, any
JSON value and mutated real documents (the bundled record, universe and
counts, and each model class), as text and as bytes, checked or not, with or
without a universe.

Only the library's errors come out, printable and located; whatever is read
round-trips (written again, it reads back equal and writes the same text).
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from fuzzing import (
    HOSTILE_JSON,
    JSON_VALUES,
    attack,
    edits,
    examples,
    mutate,
    mutated_data,
    to_bytes,
)
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention.formats import serialize

CLASSES: tuple[type[Any] | None, ...] = (None, *serialize.FORMATS)


@cache
def documents() -> dict[str, object]:
    """A real object of every format: the bundled record, universe and counts,
    and their parts."""
    record, states = mc.data.icrmw(), mc.data.states()
    rules = record.treaty.rules
    assert rules.entry_into_force is not None
    found: dict[str, object] = {
        "record": record, "universe": states,
        "counts": mc.counts(record, states, date(2014, 12, 18)),
        "treaty": record.treaty, "rules": rules, "eif": rules.entry_into_force,
        "delay": rules.entry_into_force.delay,
        "act": record.acts[0], "participant": record.participants[0],
        "membership": states.periods[0], "date": record.acts[0].date,
    }
    if rules.denunciation is not None:
        found["denunciation"] = rules.denunciation
    # An ILO record has the parts the Convention's has not: exclusions,
    # windows for denunciation, a stated entry into force.
    ilo = mc.data.record("C097")
    found["ilo_record"] = ilo
    found["ilo_treaty"] = ilo.treaty
    assert ilo.treaty.stated_entry_into_force is not None
    assert ilo.treaty.rules.denunciation is not None
    assert ilo.treaty.rules.denunciation.windows is not None
    found["stated"] = ilo.treaty.stated_entry_into_force
    found["windows"] = ilo.treaty.rules.denunciation.windows
    # A protocol "subject to the entry into force" of its parent.
    protocol = mc.data.treaty("IV-5")
    found["protocol"] = protocol
    assert protocol.rules.entry_into_force is not None
    assert protocol.rules.entry_into_force.subject_to is not None
    found["subject_to"] = protocol.rules.entry_into_force.subject_to
    assert {type(v) for v in found.values()} == set(serialize.FORMATS)
    return found


NAMES = sorted(documents())


def read(text: str | bytes, cls: type[Any] | None, validate: bool = True,
         universe: mc.Universe | None = None) -> object | None:
    """``from_json`` under attack: its value, round-tripped, or ``None``."""
    value = attack(lambda: serialize.from_json(text, cls, validate=validate,
                                               universe=universe))
    if value is not None:
        written = serialize.to_json(value)
        again = serialize.from_json(written, type(value), validate=False)
        assert again == value
        assert serialize.to_json(again) == written
    return value


@examples()
@given(st.binary(max_size=500), st.sampled_from(CLASSES))
def test_any_bytes(raw: bytes, cls: type[Any] | None) -> None:
    read(raw, cls)


@examples()
@given(st.text(max_size=300) | st.text(st.characters(exclude_categories=()), max_size=300),
       st.sampled_from(CLASSES))
def test_any_text(text: str, cls: type[Any] | None) -> None:
    read(text, cls)


@examples()
@given(JSON_VALUES, st.sampled_from(CLASSES), st.booleans())
def test_any_json_value(value: object, cls: type[Any] | None, ascii_only: bool) -> None:
    read(json.dumps(value, ensure_ascii=ascii_only), cls)


@examples()
@given(st.sampled_from(sorted(serialize.FORMATS, key=lambda c: c.__name__)),
       st.dictionaries(st.sampled_from(["treaty", "acts", "participants", "as_of", "sources",
                                        "periods", "code", "name", "kind", "date", "start",
                                        "end", "months", "days", "value", "rules", "parties",
                                        "instruments", "continues", "iso3166_status"]),
                       JSON_VALUES, max_size=6))
def test_any_fields_under_a_real_format(cls: type[Any], fields: dict[str, object]) -> None:
    envelope = {"format": f"migrant_convention/{serialize.FORMATS[cls]}", "version": 1}
    read(json.dumps({**envelope, **fields}), cls)


@examples()
@given(st.data(), st.sampled_from(NAMES), st.booleans(), st.booleans())
def test_mutated_real_documents(data: st.DataObject, name: str, as_bytes: bool,
                                with_universe: bool) -> None:
    original = documents()[name]
    mutated = data.draw(mutated_data(serialize.to_data(original)))
    text = json.dumps(mutated, ensure_ascii=data.draw(st.booleans()))
    universe = mc.data.states() if with_universe else None
    read(to_bytes(text) if as_bytes else text, data.draw(st.sampled_from([None, type(original)])),
         validate=data.draw(st.booleans()), universe=universe)


@examples()
@given(st.sampled_from(NAMES), edits(), st.booleans())
def test_mutated_real_json_text(name: str, changes: list[tuple[str, int, int, str]],
                                as_bytes: bool) -> None:
    text = mutate(serialize.to_json(documents()[name], indent=1), changes)
    read(to_bytes(text) if as_bytes else text, None)


@examples(0.5)
@given(st.sampled_from(["record", "universe"]), st.sampled_from(HOSTILE_JSON),
       st.integers(0, 10**6))
def test_one_hostile_value_anywhere_in_the_real_record_or_universe(
        name: str, value: object, at: int) -> None:
    # Every leaf is a target: the value replaces the at-th leaf of the document.
    data = serialize.to_data(documents()[name])
    leaves: list[tuple[Any, str | int]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            if isinstance(child, dict | list) and child:
                walk(child)
            else:
                leaves.append((node, key))

    walk(data)
    parent, key = leaves[at % len(leaves)]
    parent[key] = json.loads(json.dumps(value))  # a copy: the values are shared
    read(json.dumps(data), None)
