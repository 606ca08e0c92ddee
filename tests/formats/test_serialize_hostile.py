"""JSON read as an attacker would write it (issue 12): bounded, strict, the same
checks as CSV, every problem at once, full records checked, never a traceback.

One test per reproducer of the issue and per class of hole; Hypothesis
properties feed arbitrary JSON values, text and bytes, and mutations of the
bundled data, to every reader of this module.  Time is never measured here
(the benchmark in the report is): what is asserted is what makes time and
memory linear — the text is refused before it is parsed, memory stays a small
multiple of the input.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import tracemalloc
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention import csvio, serialize
from migrant_convention.errors import MigrantConventionError, Problem, ValidationError
from migrant_convention.testing import strategies as mst

# -- helpers -----------------------------------------------------------------------------


def _record() -> dict[str, Any]:
    return copy.deepcopy(_RECORD)


def _universe() -> dict[str, Any]:
    return copy.deepcopy(_UNIVERSE)


_RECORD = serialize.to_data(mc.data.icrmw())
_UNIVERSE = serialize.to_data(mc.data.states())


def _problems(read: Callable[[], object]) -> list[Problem]:
    with pytest.raises(ValidationError) as info:
        read()
    return list(info.value.problems)


def _found(data: object, **kwargs: Any) -> list[tuple[str, str]]:
    """(location, code) of every problem of *data*, read from JSON text."""
    text = json.dumps(data)
    return [(p.location, p.code) for p in _problems(lambda: serialize.from_json(text, **kwargs))]


def _index(data: dict[str, Any], code: str, kind: str | None = None) -> int:
    return next(i for i, a in enumerate(data["acts"])
                if a["participant"] == code and (kind is None or a["kind"] == kind))


def _period(data: dict[str, Any], code: str) -> int:
    return next(i for i, p in enumerate(data["periods"]) if p["code"] == code)


# -- linear time, bounded memory ----------------------------------------------------------


def test_escaped_quotes_are_scanned_in_linear_time() -> None:
    # Was quadratic: ~15 s for 64 KB, no answer for 200 KB.  Now a few ms.
    for n in (32_000, 100_000):
        [problem] = _problems(partial(serialize.from_json, '"' + '\\"' * n))
        assert problem.code == "bad-json"


def _peak(read: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        with contextlib.suppress(MigrantConventionError):
            read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_string_takes_memory_proportional_to_it() -> None:
    # A 10 M-character string peaked at ~1.2 GB (115 bytes a character).
    text = '"' + "a" * 2_000_000 + '"'
    assert _peak(lambda: serialize.from_json(text)) < 6 * len(text)


def test_64_mb_of_empty_objects_fail_fast_with_little_memory() -> None:
    # Was 31 s and ~3 GB before "too many values".
    text = "[" + "{}," * (serialize.MAX_JSON_CHARS // 3 - 1) + "{}]"
    assert len(text) <= serialize.MAX_JSON_CHARS
    with pytest.raises(ValidationError) as info:
        serialize.from_json(text)
    assert [(p.code, p.message) for p in info.value.problems] == [("too-large", "too many values")]
    assert _peak(lambda: serialize.from_json(text)) < 5 * len(text)


def test_too_many_values_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("parsed")

    monkeypatch.setattr(serialize, "MAX_VALUES", 1000)
    monkeypatch.setattr(json, "loads", parse)
    for text in ["[" + "{}," * 1000 + "{}]", "[" + "0," * 1000 + "0]",
                 '{"a": [' + "[]," * 1000 + "[]]}", "[" + "[" * 1001 + "]" * 1001 + "]"]:
        [problem] = _problems(partial(serialize.from_json, text))
        assert (problem.code, problem.message) == ("too-large", "too many values")


def test_commas_and_brackets_inside_strings_are_not_values(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialize, "MAX_VALUES", 1000)
    act = mc.Act("ALB", mc.ActKind.SIGNATURE, mc.PartialDate.parse("2000-01-01"),
                 note='",[{' * 2000 + "\\" * 3 + '"]}')
    assert serialize.from_json(serialize.to_json(act)) == act


@pytest.mark.parametrize("text", [
    "[" * 33 + "]" * 33,
    "[" * 33,                       # unclosed: the parser would go as deep
    "[" * 20 + "]" * 40 + "[" * 20,  # unbalanced
    '{"a":' * 33 + "1" + "}" * 33,
    '[1, {"a": ' * 17 + "0" + "}]" * 17,
])
def test_too_deep_is_refused_before_parsing(text: str) -> None:
    [problem] = _problems(lambda: serialize.from_json(text))
    assert problem.code == "too-deep"


@pytest.mark.parametrize("depth", [31, 32])
def test_as_deep_as_allowed_is_parsed(depth: int) -> None:
    [problem] = _problems(lambda: serialize.from_json("[" * depth + "]" * depth))
    assert problem.code == "wrong-type"  # a list, not an object: parsed


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


# Text rich in what the scan must not misread: quotes, backslashes, brackets.
_TRICKY = st.text(st.sampled_from('"\\[]{},:ab\u00e9\u4e2d\U0001f600/'), max_size=8)
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TRICKY
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(_TRICKY, inner, max_size=3), max_leaves=12)


@given(_JSON, st.integers(0, 36), st.booleans())
def test_depth_is_measured_exactly(value: object, wrap: int, ascii_only: bool) -> None:
    for _ in range(wrap):
        value = [value]
    text = json.dumps(value, ensure_ascii=ascii_only)
    too_deep = False
    try:
        serialize.from_json(text)
    except ValidationError as exc:
        too_deep = exc.problems[0].code == "too-deep"
    except MigrantConventionError:
        pass
    assert too_deep == (_depth(value) > serialize.MAX_DEPTH)


def test_a_byte_order_mark_is_allowed() -> None:
    text = serialize.to_json(mc.Delay(months=3))
    assert serialize.from_json("\ufeff" + text) == mc.Delay(months=3)
    assert serialize.from_json(b"\xef\xbb\xbf" + text.encode()) == mc.Delay(months=3)


# -- strict values ----------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["\ud800", "a\udfffb", "\x00", "tab\there", "line\nbreak",
                                 "\x1b[31mred", "\x7f", "\x85", "\x9f"])
def test_text_with_lone_surrogates_or_control_characters_is_refused(bad: str) -> None:
    data = _record()
    data["acts"][2]["note"] = bad
    data["treaty"]["title"] = "x" + bad
    data["participants"][1]["former_names"] = ["ok", bad]
    data["sources"][0] = bad
    found = _found(data)
    assert found == [("$.treaty.title", "bad-text"), ("$.acts[2].note", "bad-text"),
                     ("$.participants[1].former_names[1]", "bad-text"),
                     ("$.sources[0]", "bad-text")]


def test_a_lone_surrogate_is_shown_escaped_so_that_it_can_be_printed() -> None:
    data = _record()
    data["acts"][0]["note"] = "\ud800"
    [problem] = _problems(lambda: serialize.from_json(json.dumps(data)))
    assert problem.value == "\\ud800"
    str(problem).encode("utf-8")
    str(ValidationError("x", [problem])).encode("utf-8")


def test_a_lone_surrogate_in_a_field_name_is_shown_escaped() -> None:
    text = '{"format": "migrant_convention/delay", "version": 1, "\\ud800": 1}'
    [problem] = _problems(lambda: serialize.from_json(text))
    assert (problem.location, problem.code) == ('$["\\ud800"]', "unknown-field")
    str(problem).encode("utf-8")


def test_duplicate_fields_are_refused_not_last_wins() -> None:
    text = ('{"format": "migrant_convention/delay", "version": 1, "months": 3, '
            '"months": 4, "days": 1, "days": 1}')
    assert [(p.location, p.value, p.code) for p in _problems(
        lambda: serialize.from_json(text))] == [("$.months", 4, "duplicate-field"),
                                               ("$.days", 1, "duplicate-field")]
    nested = json.dumps(_record()).replace('"participant": "ALB",',
                                           '"participant": "ALB", "participant": "DZA",', 1)
    assert _problems(lambda: serialize.from_json(nested))[0].location == "$.acts[0].participant"
    for twice in ('{"format": "migrant_convention/delay", "format": "x", "version": 1}',
                  '{"format": "migrant_convention/delay", "version": 1, "version": 1}',
                  '{"format": "migrant_convention/partial_date", "version": 1, '
                  '"value": "2000", "value": "2001"}'):
        assert _problems(partial(serialize.from_json, twice))[0].code == (
            "duplicate-field")


@pytest.mark.parametrize(("where", "bad"), [
    (("acts", 0, "sources"), "UNTC"),
    (("acts", 0, "sources"), {}),
    (("acts", 0, "sources"), {"0": "UNTC"}),
    (("sources",), "UNTC"),
    (("participants",), "ALB"),
    (("participants", 0, "former_names"), "Albania"),
    (("acts",), {}),
    (("treaty", "rules", "consent"), "ratification"),
    (("treaty", "rules", "requires_signature"), {}),
])
def test_a_list_is_a_list(where: tuple[str | int, ...], bad: object) -> None:
    data = _record()
    node: Any = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = bad
    path = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in where)
    assert _found(data) == [(path, "wrong-type")]


def test_a_string_is_never_split_into_characters() -> None:
    # "sources": "UNTC" became ('U', 'N', 'T', 'C').
    data = _record()
    data["acts"][0]["sources"] = "UNTC"
    [problem] = _problems(lambda: serialize.from_data(data))
    assert (problem.location, problem.value, problem.message) == (
        "$.acts[0].sources", "UNTC", "expected a list, not text")


@pytest.mark.parametrize("key", [1, None, 2.5, True])
def test_a_field_name_that_is_not_text_is_shown_as_itself(key: object) -> None:
    delay = {"format": "migrant_convention/delay", "version": 1, key: 2}
    data = _record()
    data["acts"][4][key] = "x"
    for read, where in [(delay, "$"), (data, "$.acts[4]")]:
        [problem] = _problems(partial(serialize.from_data, read))
        assert (problem.location, problem.code) == (where, "unknown-field")
        assert problem.value == key
        assert "object object" not in str(problem)


def test_numbers_are_not_coerced_nor_overflow() -> None:
    base = '{"format": "migrant_convention/delay", "version": 1, "months": '
    for number in ["3.0", "1e400", "NaN", "-Infinity", "true", "9" * 5000]:
        problems = _problems(partial(serialize.from_json, base + number + "}"))
        assert problems[0].code in ("wrong-type", "bad-json")
        str(problems[0])


# -- the same checks as CSV -------------------------------------------------------------------

@pytest.mark.parametrize("code", ["alb", "", "QQQ", "ＡＬＢ", " ALB", "ALB ", "AL", "9ZZZ"])
def test_act_participant_codes_are_checked_as_csv_checks_them(code: str) -> None:
    data = _record()
    data["acts"][3]["participant"] = code
    assert _found(data, validate=False) == [("$.acts[3].participant", "unknown-participant")]
    act = serialize.to_data(mc.data.icrmw().acts[3])
    act["participant"] = code
    assert _found(act) == [("$.participant", "unknown-participant")]
    # ... as CSV does (CSV strips the blanks around a cell; JSON keeps them).
    row = csvio.write_acts([mc.data.icrmw().acts[3]]).splitlines()
    cells = row[1].split(",")
    cells[1] = code
    if code == code.strip():
        with pytest.raises(ValidationError):
            csvio.read_acts("\n".join([row[0], ",".join(cells)]) + "\n")


def test_withdrawn_and_non_state_codes_of_acts_are_accepted() -> None:
    data = _record()
    data["acts"][3]["participant"] = "CSK"  # withdrawn ISO 3166 code
    data["acts"][4]["participant"] = "ORG-EU"
    record = serialize.from_json(json.dumps(data), validate=False)
    assert isinstance(record, mc.TreatyRecord)
    assert (record.acts[3].participant, record.acts[4].participant) == ("CSK", "ORG-EU")


def test_act_codes_are_checked_for_the_kind_the_record_declares() -> None:
    # An organisation may have a three-letter code of its own, if the record
    # says it is one; undeclared, three letters are an ISO 3166 code.
    data = _record()
    data["participants"].append({"code": "EUR", "name": "European Union",
                                 "kind": "organization", "former_names": []})
    data["acts"].append({"participant": "EUR", "kind": "signature", "date": "2001-02-03",
                         "article": None, "sources": [], "note": "", "listed_as": ""})
    record = serialize.from_json(json.dumps(data), mc.TreatyRecord)
    assert record.acts[-1].participant == "EUR"
    del data["participants"][-1]
    assert _found(data) == [(f"$.acts[{len(data['acts']) - 1}].participant",
                             "unknown-participant")]


def test_a_participant_code_is_located_at_its_code() -> None:
    data = _record()
    data["participants"][0]["code"] = "alb"
    assert _found(data) == [("$.participants[0].code", "unknown-participant")]


def test_universe_continues_and_iso3166_status_are_checked() -> None:
    data = _universe()
    afg = _period(data, "AFG")
    alb = _period(data, "ALB")
    dza = _period(data, "DZA")
    data["periods"][afg]["continues"] = "QQQQ"
    data["periods"][alb]["continues"] = "ALB"
    data["periods"][dza]["iso3166_status"] = "historic"
    assert sorted(_found(data)) == sorted([
        (f"$.periods[{afg}].continues", "unknown-participant"),
        (f"$.periods[{alb}].continues", "continues-itself"),
        (f"$.periods[{dza}].iso3166_status", "bad-value"),
    ])


def test_every_overlap_is_reported_at_its_period() -> None:
    # Only the first was, at "$", with value "<object with 3 field(s)>".
    data = _universe()
    copies = [_period(data, c) for c in ("FRA", "DEU", "ALB")]
    data["periods"].extend(copy.deepcopy(data["periods"][i]) for i in copies)
    n = len(_UNIVERSE["periods"])
    problems = _problems(lambda: serialize.from_json(json.dumps(data)))
    assert [(p.location, p.code) for p in problems] == [
        (f"$.periods[{n + k}].start", "overlap") for k in range(3)]
    assert all(p.value == data["periods"][n + k]["start"] for k, p in enumerate(problems))


def test_overlapping_periods_of_a_lineage_are_refused() -> None:
    # RUS from 1990 while SUN runs to 1991: 171 States, one act two parties.
    data = _universe()
    rus = _period(data, "RUS")
    data["periods"][rus]["start"] = "1990-01-01"
    assert _found(data) == [(f"$.periods[{rus}].start", "lineage-overlap")]


def test_a_period_that_cannot_be_read_brings_no_false_problem() -> None:
    data = _universe()
    sun = _period(data, "SUN")
    data["periods"][sun]["start"] = "1945-13-24"  # RUS continues SUN: not "no period"
    assert _found(data) == [(f"$.periods[{sun}].start", "bad-date")]


def _csv_and_json_codes(periods: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    data = _universe()
    data["periods"] = periods
    json_codes = sorted(c for _, c in _found(data))
    built = [mc.Membership(p["code"], p["name"], date.fromisoformat(p["start"]),
                           date.fromisoformat(p["end"]) if p["end"] else None, p["basis"],
                           p["continues"], p["iso3166_status"], p["sources"]) for p in periods]
    with pytest.raises(ValidationError) as info:
        csvio.read_universe(csvio.write_universe(built))
    return json_codes, sorted(p.code for p in info.value.problems)


@pytest.mark.parametrize("change", ["self", "unknown", "status", "overlap", "lineage"])
def test_a_universe_has_the_same_problems_in_json_as_in_csv(change: str) -> None:
    periods = _universe()["periods"]
    first = {p["code"]: i for i, p in reversed(list(enumerate(periods)))}
    if change == "self":
        periods[first["ALB"]]["continues"] = "ALB"
    elif change == "unknown":
        periods[first["ALB"]]["continues"] = "ZZZZZ"
    elif change == "status":
        periods[first["ALB"]]["iso3166_status"] = "historic:suhh"
    elif change == "overlap":
        periods.append(copy.deepcopy(periods[first["FRA"]]))
    else:
        periods[first["RUS"]]["start"] = "1991-01-01"
    json_codes, csv_codes = _csv_and_json_codes(periods)
    assert json_codes == csv_codes
    assert len(json_codes) == 1


# -- all problems at once, no cascade -------------------------------------------------------

def test_bad_instruments_months_and_consent_are_three_problems() -> None:
    data = _record()
    rules = data["treaty"]["rules"]
    rules["entry_into_force"]["instruments"] = "20"
    rules["entry_into_force"]["delay"]["months"] = -1
    rules["consent"] = ["ratification", "signature"]
    assert _found(data) == [
        ("$.treaty.rules.entry_into_force.instruments", "wrong-type"),
        ("$.treaty.rules.entry_into_force.delay.months", "invalid"),
        ("$.treaty.rules.consent[1]", "bad-value"),
    ]


def test_problems_of_many_parts_are_all_reported() -> None:
    data = _record()
    data["treaty"]["opened_for_signature"] = "1989-01-01"   # before adoption
    data["acts"][1]["date"] = "2005-02-30"
    data["acts"][2]["kind"] = "ratify"
    data["acts"][5]["participant"] = "alb"
    del data["acts"][6]["kind"]
    data["participants"][2]["kind"] = "country"
    data["as_of"] = "yesterday"
    assert _found(data) == [
        ("$.treaty.opened_for_signature", "bad-range"),
        ("$.acts[1].date", "bad-date"),
        ("$.acts[2].kind", "unknown-kind"),
        ("$.acts[5].participant", "unknown-participant"),
        ("$.acts[6].kind", "missing-field"),
        ("$.participants[2].kind", "bad-value"),
        ("$.as_of", "bad-date"),
    ]


def test_a_period_ending_before_it_starts_is_located_at_its_end() -> None:
    data = _universe()
    data["periods"][3]["end"] = "1900-01-01"
    data["periods"][5]["basis"] = "member"
    assert _found(data) == [("$.periods[3].end", "bad-range"), ("$.periods[5].basis", "bad-value")]


# -- full-record checks on read -------------------------------------------------------------

def test_a_second_consent_is_refused_on_read() -> None:
    data = _record()
    alb = _index(data, "ALB", "accession")
    data["acts"].append(dict(data["acts"][alb], date="2020-01-01"))
    n = len(data["acts"]) - 1
    assert _found(data) == [(f"$.acts[{n}].kind", "second-consent")]
    record = serialize.from_json(json.dumps(data), mc.TreatyRecord, validate=False)
    assert len(record.acts) == n + 1


def test_an_act_before_adoption_is_refused_on_read() -> None:
    data = _record()
    data["acts"][0]["date"] = "1980-01-01"
    assert _found(data) == [("$.acts[0].date", "before-opening")]


def test_acts_of_a_state_outside_the_universe_are_refused_when_a_universe_is_given() -> None:
    # Czechoslovakia signing in 2005.
    data = _record()
    data["acts"].append({"participant": "CSK", "kind": "signature", "date": "2005-03-01",
                         "article": None, "sources": [], "note": "", "listed_as": ""})
    n = len(data["acts"]) - 1
    text = json.dumps(data)
    assert isinstance(serialize.from_json(text), mc.TreatyRecord)  # no universe: fine
    found = [(p.location, p.code) for p in _problems(
        lambda: serialize.from_json(text, universe=mc.data.states()))]
    assert found == [(f"$.acts[{n}].date", "outside-universe")]
    assert isinstance(serialize.from_json(text, universe=mc.data.states(), validate=False),
                      mc.TreatyRecord)


def test_from_data_and_structure_check_records_too() -> None:
    data = _record()
    data["acts"][0]["date"] = "1980-01-01"
    assert [p.location for p in _problems(lambda: serialize.from_data(data))] == [
        "$.acts[0].date"]
    body = {k: v for k, v in data.items() if k not in ("format", "version")}
    assert [p.location for p in _problems(
        lambda: serialize.structure(body, mc.TreatyRecord))] == ["$.acts[0].date"]
    assert serialize.structure(body, mc.TreatyRecord, validate=False).acts[0].date == (
        mc.PartialDate.parse("1980-01-01"))


@given(mst.records_with_universes())
def test_consistent_records_round_trip_checked(pair: tuple[mc.TreatyRecord, mc.Universe]) -> None:
    record, universe = pair
    text = serialize.to_json(record)
    assert serialize.from_json(text, mc.TreatyRecord, universe=universe) == record
    assert serialize.from_json(serialize.to_json(universe), mc.Universe) == universe


# -- caps -----------------------------------------------------------------------------------

def test_problems_kept_are_capped_and_the_rest_counted() -> None:
    data = _record()
    act = data["acts"][0]
    data["acts"] = [dict(act, date="2000-13-01", kind="x") for _ in range(3000)]
    with pytest.raises(ValidationError) as info:
        serialize.from_json(json.dumps(data))
    assert len(info.value.problems) == serialize.MAX_PROBLEMS
    assert "6000 problems" in info.value.summary
    assert "5000 more" in info.value.summary
    assert len(str(info.value)) < 200 * serialize.MAX_PROBLEMS


def test_problems_past_the_cap_take_no_memory() -> None:
    # 250,000 problems: counted, not built (the parsed objects are most of the peak).
    text = ('{"format": "migrant_convention/universe", "version": 1, "periods": ['
            + ",".join(["{}"] * 50_000) + "]}")
    assert _peak(partial(serialize.from_json, text)) < 40 * len(text)


def test_the_count_goes_on_past_the_cap() -> None:
    periods = ",".join(["{}"] * 1000 + ['{"code": 1}'] * 500 + ["[]"] * 10)
    text = f'{{"format": "migrant_convention/universe", "version": 1, "periods": [{periods}]}}'
    with pytest.raises(ValidationError) as info:
        serialize.from_json(text)
    # 5 required fields of 1000 empty periods; 1 wrong code and 4 missing
    # fields of 500; 10 lists.
    assert f"{5 * 1000 + 5 * 500 + 10} problems" in info.value.summary


# -- whatever comes in, only the library's errors come out ---------------------------------

_ANY_TEXT = st.text(st.characters(codec=None), max_size=40)
_ANY_SCALAR = (st.none() | st.booleans() | st.integers() | st.integers(-10**30, 10**30)
               | st.floats() | _ANY_TEXT)
_ANY_JSON = st.recursive(
    _ANY_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_ANY_TEXT, inner, max_size=4),
    max_leaves=20,
)
# What Python callers may pass to from_data: keys that are not text too.
_ANY_DATA = st.recursive(
    _ANY_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner)
    | st.dictionaries(_ANY_TEXT | st.integers() | st.none(), inner, max_size=4),
    max_leaves=20,
)


def _only_library_errors(read: Callable[[], object]) -> None:
    """Call *read*: it returns, or raises one of the library's errors (any
    other exception fails the test), printable whatever the input."""
    error: MigrantConventionError | None = None
    try:
        read()
    except MigrantConventionError as exc:
        error = exc
    if error is None:
        return
    str(error).encode("utf-8")
    if isinstance(error, ValidationError):
        assert error.problems
        for p in error.problems:
            assert p.location.startswith(("$", "line ", "byte "))
            assert "object object at" not in repr(p.value)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*path, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*path, i)))
    return out


_RECORD_PATHS = _paths(_RECORD)
_UNIVERSE_PATHS = _paths(_UNIVERSE)
_DELAY = serialize.to_data(mc.Delay(months=3))
_ACT = serialize.to_data(mc.data.icrmw().acts[0])
_SMALL = [_DELAY, _ACT, serialize.to_data(mc.PartialDate.parse("2024-11")),
          serialize.to_data(mc.data.icrmw().participants[0]),
          serialize.to_data(mc.data.states().periods[0])]


def _replace(data: Any, path: tuple[str | int, ...], value: object) -> Any:
    if not path:
        return value
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


@given(_ANY_JSON, st.sampled_from(["text", "bytes", "data"]))
def test_any_json_value_gives_only_library_errors(value: object, how: str) -> None:
    if how == "text":
        _only_library_errors(lambda: serialize.from_json(json.dumps(value)))
    elif how == "bytes":
        _only_library_errors(lambda: serialize.from_json(
            json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")))
    else:
        _only_library_errors(lambda: serialize.from_data(value))


@given(st.data(), _ANY_JSON)
def test_real_data_with_any_value_anywhere_gives_only_library_errors(
        data: st.DataObject, value: object) -> None:
    kind = data.draw(st.sampled_from(["record", "universe", "small"]))
    if kind == "record":
        doc, path = _record(), data.draw(st.sampled_from(_RECORD_PATHS))
    elif kind == "universe":
        doc, path = _universe(), data.draw(st.sampled_from(_UNIVERSE_PATHS))
    else:
        doc = copy.deepcopy(data.draw(st.sampled_from(_SMALL)))
        path = data.draw(st.sampled_from(_paths(doc)))
    doc = _replace(doc, path, value)
    text = json.dumps(doc, allow_nan=True)
    universe = mc.data.states() if data.draw(st.booleans()) else None
    _only_library_errors(lambda: serialize.from_json(text, universe=universe))
    _only_library_errors(lambda: serialize.from_data(doc))


@given(st.data(), _ANY_DATA)
def test_python_data_of_any_shape_gives_only_library_errors(
        data: st.DataObject, value: object) -> None:
    doc = copy.deepcopy(data.draw(st.sampled_from(_SMALL)))
    doc = _replace(doc, data.draw(st.sampled_from(_paths(doc))), value)
    _only_library_errors(lambda: serialize.from_data(doc))
    for cls in (mc.Act, mc.Delay, mc.Membership, mc.PartialDate):
        _only_library_errors(partial(serialize.structure, value, cls))


@given(st.text() | _ANY_TEXT)
def test_any_text_gives_only_library_errors(text: str) -> None:
    _only_library_errors(lambda: serialize.from_json(text))


@given(st.binary())
def test_any_bytes_give_only_library_errors(raw: bytes) -> None:
    _only_library_errors(lambda: serialize.from_json(raw))


@given(st.data())
def test_mutated_json_text_gives_only_library_errors(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from([json.dumps(d) for d in _SMALL]))
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 4)))
        text = text[:i] + data.draw(st.text(max_size=3) | st.sampled_from(
            ['"', "\\", "[", "]", "{", "}", ",", ":", "\\ud800", "1e999", "\x00"])) + text[j:]
    _only_library_errors(lambda: serialize.from_json(text))


def test_nan_and_infinities_are_not_numbers_of_this_library() -> None:
    for number in (math.nan, math.inf):
        data = {**_DELAY, "days": number}
        [problem] = _problems(partial(serialize.from_data, data))
        assert problem.location == "$.days"


def test_the_converter_for_embedding_is_as_strict_about_lists_and_text() -> None:
    act = serialize.unstructure(mc.data.icrmw().acts[0])
    assert serialize.converter.structure(act, mc.Act) == mc.data.icrmw().acts[0]
    for field, bad in [("sources", "UNTC"), ("sources", {}), ("note", "\ud800"),
                       ("listed_as", "\x00")]:
        with pytest.raises(ClassValidationError):
            serialize.converter.structure({**act, field: bad}, mc.Act)
