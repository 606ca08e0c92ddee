"""JSON serialisation: lossless round trips, versioned formats, every problem with its path."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
import strategies as s
from migrant_convention import serialize
from migrant_convention.errors import Problem, UnsupportedFormatError, ValidationError


def _without_control_characters(value: Any) -> Any:
    """*value* with every control character taken out of its text: text read
    from JSON (as from CSV) holds none."""
    if isinstance(value, str):
        return "".join(c for c in value if unicodedata.category(c) != "Cc")
    if isinstance(value, tuple):
        return tuple(_without_control_characters(v) for v in value)
    if attrs.has(type(value)) and not isinstance(value, mc.PartialDate):
        return attrs.evolve(value, **{
            f.alias: _without_control_characters(getattr(value, f.name))
            for f in attrs.fields(type(value)) if f.init})
    return value


ANY_MODEL = st.one_of(
    s.partial_dates, s.participants, s.acts, s.delays, s.eif_rules, s.denunciation_rules,
    s.rules, s.treaties(), s.records, s.memberships(), s.universes(), s.counts(),
).map(_without_control_characters)


@given(ANY_MODEL)
def test_round_trip_through_json_gives_an_equal_object(obj: object) -> None:
    text = serialize.to_json(obj)
    # Generated records are any acts, not consistent histories: read them as
    # they are (test_serialize_hostile.py round-trips consistent ones checked).
    back = serialize.from_json(text, type(obj), validate=False)
    assert back == obj
    assert type(back) is type(obj)
    # ... and JSON text is stable: writing it again gives the same text.
    assert serialize.to_json(back) == text


@given(ANY_MODEL)
def test_data_is_plain_json(obj: object) -> None:
    data = serialize.to_data(obj)
    assert json.loads(json.dumps(data)) == data
    assert data["format"] == "migrant_convention/" + serialize.FORMATS[type(obj)]
    assert data["version"] == serialize.VERSION


def test_every_public_model_class_has_a_format() -> None:
    expected = {mc.Treaty, mc.Rules, mc.EntryIntoForceRule, mc.Delay, mc.DenunciationRule,
                mc.Participant, mc.Act, mc.PartialDate, mc.Membership, mc.Universe,
                mc.TreatyRecord, mc.Counts, mc.StatedDate, mc.DenunciationWindows,
                    mc.SubjectTo}
    assert set(serialize.FORMATS) == expected


def test_bundled_record_and_universe_round_trip() -> None:
    record, states = mc.data.icrmw(), mc.data.states()
    assert serialize.from_json(serialize.to_json(record)) == record
    assert serialize.from_json(serialize.to_json(states), mc.Universe) == states


def test_partial_dates_are_written_as_their_edtf_text() -> None:
    act = mc.Act("ZWE", mc.ActKind.ACCESSION, mc.PartialDate.parse("2024-11"), sources=["x"])
    data = serialize.to_data(act)
    assert data["date"] == "2024-11"
    assert serialize.to_data(mc.PartialDate.parse("[..2013-07-09]"))["value"] == "[..2013-07-09]"
    assert serialize.from_data(data) == act


def _record_data() -> dict[str, Any]:
    return serialize.to_data(mc.data.icrmw())


def test_newer_version_is_refused_clearly() -> None:
    data = _record_data()
    data["version"] = 2
    with pytest.raises(UnsupportedFormatError, match=r"version 2 is newer"):
        serialize.from_data(data)


@pytest.mark.parametrize("fmt", ["migrant_convention/treaty_record", "other/record", None, 3])
def test_unknown_format_is_refused(fmt: object) -> None:
    data = _record_data()
    data["format"] = fmt
    with pytest.raises(UnsupportedFormatError):
        serialize.from_data(data)


def test_a_format_other_than_the_one_asked_for_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match="expected migrant_convention/universe"):
        serialize.from_data(_record_data(), mc.Universe)


def test_unsupported_format_is_a_library_error_and_a_value_error() -> None:
    assert issubclass(UnsupportedFormatError, mc.MigrantConventionError)
    assert issubclass(UnsupportedFormatError, ValueError)


def _problems(data: object, cls: type[Any] | None = None) -> list[Problem]:
    def read() -> object:
        return serialize.from_data(data) if cls is None else serialize.from_data(data, cls)

    with pytest.raises(ValidationError) as info:
        read()
    return list(info.value.problems)


def test_every_problem_is_reported_with_its_json_path_and_value() -> None:
    data = _record_data()
    data["acts"][3]["date"] = "2014-13-01"
    data["acts"][5]["kind"] = "ratify"
    del data["acts"][7]["date"]
    data["acts"][8]["colour"] = "red"
    data["treaty"]["rules"]["consent"] = ["ratification", "nope"]
    data["treaty"]["rules"]["entry_into_force"]["instruments"] = "20"
    data["as_of"] = 20141218
    found = {(p.location, p.code): p.value for p in _problems(data)}
    assert found == {
        ("$.acts[3].date", "bad-date"): "2014-13-01",
        ("$.acts[5].kind", "unknown-kind"): "ratify",
        ("$.acts[7].date", "missing-field"): None,
        ("$.acts[8].colour", "unknown-field"): "red",
        ("$.treaty.rules.consent[1]", "unknown-kind"): "nope",
        ("$.treaty.rules.entry_into_force.instruments", "wrong-type"): "20",
        ("$.as_of", "wrong-type"): 20141218,
    }


def test_values_are_not_coerced() -> None:
    data = serialize.to_data(mc.Delay(months=3))
    for field, bad in [("months", True), ("months", 3.0), ("alignment", 1)]:
        wrong = {**data, field: bad}
        [problem] = _problems(wrong)
        assert (problem.location, problem.value) == (f"$.{field}", bad)


def test_constructor_checks_are_reported_where_the_object_is() -> None:
    data = serialize.to_data(mc.data.states())
    data["periods"][2]["end"] = "1900-01-01"  # ends before it starts
    data["periods"][4]["code"] = "XXX"       # not an ISO 3166 code: refused, as in CSV
    ends, code = _problems(data)
    assert ends.location == "$.periods[2].end"
    assert "ends" in ends.message
    assert (code.location, code.value, code.code) == ("$.periods[4].code", "XXX",
                                                      "unknown-participant")


def test_counts_must_partition_the_universe() -> None:
    data = serialize.to_data(mc.counts(mc.data.icrmw(), mc.data.states(), date(2014, 12, 18)))
    data["parties"] = 48
    [problem] = _problems(data)
    assert problem.location == "$"


def test_bad_participant_code_is_reported() -> None:
    data = serialize.to_data(mc.Participant("ALB", "Albania"))
    data["code"] = "ZZZ"
    [problem] = _problems(data)
    assert (problem.location, problem.code) == ("$.code", "unknown-participant")


def test_malformed_json_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        serialize.from_json('{"format": ')
    assert info.value.problems[0].code == "bad-json"


def test_deeply_nested_json_fails_cleanly() -> None:
    for text in ["[" * 200_000 + "]" * 200_000, '{"a":' * 50_000 + "1" + "}" * 50_000]:
        with pytest.raises(ValidationError) as info:
            serialize.from_json(text)
        assert info.value.problems[0].code == "too-deep"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    act = mc.Act("ALB", mc.ActKind.SIGNATURE, mc.PartialDate.parse("2000-01-01"),
                 note="[" * 100 + '"{' * 50)
    assert serialize.from_json(serialize.to_json(act)) == act


def test_deeply_nested_data_fails_cleanly() -> None:
    deep: list[object] = []
    node = deep
    for _ in range(100_000):
        child: list[object] = []
        node.append(child)
        node = child
    with pytest.raises(ValidationError) as info:
        serialize.from_data({"format": "migrant_convention/record", "version": 1,
                             "acts": deep})
    assert info.value.problems[0].code == "too-deep"


def test_huge_json_is_refused_before_parsing() -> None:
    with pytest.raises(ValidationError) as info:
        serialize.from_json("[" + "1," * 1000 + "1]", max_chars=100)
    assert info.value.problems[0].code == "too-large"


def test_huge_integers_fail_cleanly() -> None:
    with pytest.raises(ValidationError):
        serialize.from_json('{"format": "migrant_convention/delay", "version": 1, "months": '
                            + "9" * 10_000 + "}")


def test_the_whole_validation_error_is_an_exception_group_of_problems() -> None:
    data = serialize.to_data(mc.Delay())
    data["months"] = -1
    data["days"] = "x"
    with pytest.raises(ValidationError) as info:
        serialize.from_data(data)
    assert all(isinstance(p, Problem) for p in info.value.exceptions)
    # Both: a wrong type does not hide a wrong value of another field.
    assert [p.location for p in info.value.problems] == ["$.months", "$.days"]


def test_unknown_type_cannot_be_serialised() -> None:
    with pytest.raises(TypeError):
        serialize.to_data(object())
