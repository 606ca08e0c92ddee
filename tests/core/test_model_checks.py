"""The model classes check their fields when they are built (issue 16, item 4).

A value of the wrong type used to be accepted and to fail later, deep inside
``counts()`` or ``validate_record()`` (``'datetime.date' object has no
attribute 'bounded'``).  Now it fails at construction, with an error naming
the class, the field and the value; the few conversions made on purpose (an
enum's value string, a ``date`` as an exact ``PartialDate``, any iterable as a
tuple) are tested as such.
"""

from __future__ import annotations

import copy
import pickle
import re
import warnings
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import migrant_convention as mc
from migrant_convention import (
    Act,
    ActKind,
    Alignment,
    Basis,
    Counts,
    Delay,
    EntryIntoForceRule,
    Membership,
    PartialDate,
    Participant,
    ParticipantKind,
    Precision,
    Rules,
    Treaty,
    TreatyRecord,
    Universe,
    data,
    serialize,
)

# Calls with deliberately wrong types go through Any, so that mypy lets them be.
ANY: Any = mc
DAY = date(2021, 1, 5)
MONTHS3 = Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH)


def _treaty(**changes: Any) -> Treaty:
    fields: dict[str, Any] = {
        "id": "T-1", "title": "A Convention", "short_name": "AC",
        "adopted": date(2000, 1, 1), "opened_for_signature": date(2000, 1, 1),
        "depositary": "Secretary-General", "rules": Rules(EntryIntoForceRule(1, Delay(), Delay())),
    }
    return ANY.Treaty(**{**fields, **changes})  # type: ignore[no-any-return]


def _member(**changes: Any) -> Membership:
    fields: dict[str, Any] = {"code": "ALB", "name": "Albania", "start": date(1955, 12, 14),
                              "end": None, "basis": Basis.UN_MEMBER}
    return ANY.Membership(**{**fields, **changes})  # type: ignore[no-any-return]


# -- the conversions made on purpose ------------------------------------------------------

def test_an_act_takes_a_kind_by_its_value_and_a_date_as_that_exact_day() -> None:
    act = Act("NOR", "ratification", DAY)
    assert act == Act("NOR", ActKind.RATIFICATION, PartialDate.day(DAY))
    assert act.kind is ActKind.RATIFICATION
    assert act.date == PartialDate.parse("2021-01-05")


def test_the_issue_s_act_now_counts_and_validates() -> None:
    """Issue 16's example: it constructed, then crashed counts() and validate_record()."""
    base = data.icrmw()
    record = attrs.evolve(base, acts=(*base.acts, Act("NOR", "ratification", DAY)))
    universe = data.states()
    assert mc.status(record, universe, "NOR", date(2021, 6, 1)) is mc.Status.PARTY_IN_FORCE
    assert (mc.counts(record, universe, date(2021, 6, 1)).parties
            == mc.counts(base, universe, date(2021, 6, 1)).parties + 1)
    # Validation reports what is wrong with the act (Norway never signed),
    # where it used to crash on the date's type.
    with pytest.raises(mc.ValidationError, match="NOR ratification: needs a prior signature"):
        mc.validate_record(record, universe)


def test_an_article_given_as_a_number_is_kept_as_text() -> None:
    assert Act("PRT", "declaration", DAY, 77).article == "77"
    assert Act("PRT", "declaration", DAY, "").article is None


def test_enum_fields_take_their_values() -> None:
    assert Delay(alignment="first_of_next_month").alignment is Alignment.FIRST_OF_NEXT_MONTH
    assert Participant("ALB", "Albania", "state").kind is ParticipantKind.STATE
    assert _member(basis="non_member_state").basis is Basis.NON_MEMBER_STATE
    assert ANY.PartialDate("day", DAY, DAY) == PartialDate.day(DAY)


def test_rules_take_any_iterable_of_kinds_or_values_and_store_a_frozenset() -> None:
    rules = Rules(None, consent=["ratification", ActKind.ACCESSION],
                  requires_signature=("ratification",))
    assert rules.consent == frozenset({ActKind.RATIFICATION, ActKind.ACCESSION})
    assert type(rules.consent) is frozenset
    assert rules.requires_signature == frozenset({ActKind.RATIFICATION})
    # A lone kind is one kind, not the characters of its value.
    assert Rules(None, consent="accession").consent == frozenset({ActKind.ACCESSION})
    assert Rules(None, consent=ActKind.ACCESSION).consent == frozenset({ActKind.ACCESSION})


def test_iterables_become_tuples() -> None:
    act = Act("NOR", ActKind.SIGNATURE, DAY, sources=iter(["UNTC"]))
    assert act.sources == ("UNTC",)
    assert Act("NOR", ActKind.SIGNATURE, DAY, sources="UNTC").sources == ("UNTC",)
    record = TreatyRecord(_treaty(), (a for a in [act]))
    assert record.acts == (act,)
    assert Universe(iter([_member()])).periods == (_member(),)


# -- Delay and EntryIntoForceRule: numbers that are easy to mix up -------------------------

def test_delay_wants_keywords() -> None:
    """``Delay(30)`` meant 30 months in 0.1: it still does (SemVer), with a
    warning that names both readings."""
    with pytest.warns(DeprecationWarning, match=re.escape("Delay(months=30) or Delay(days=30)")):
        assert Delay(30) == Delay(months=30)
    with pytest.warns(DeprecationWarning, match="by keyword"):
        assert Delay(3, 2, Alignment.NONE) == Delay(months=3, days=2)
    with pytest.raises(TypeError, match="at most 3"):
        Delay(1, 2, Alignment.NONE, 4)
    assert Delay(days=30).apply(date(2020, 1, 31)) == date(2020, 3, 1)


def test_delay_still_copies_pickles_and_evolves() -> None:
    delay = Delay(months=3, days=2, alignment=Alignment.FIRST_OF_NEXT_MONTH)
    assert copy.deepcopy(delay) == delay
    assert pickle.loads(pickle.dumps(delay)) == delay
    assert attrs.evolve(delay, days=5) == Delay(months=3, days=5,
                                                alignment=Alignment.FIRST_OF_NEXT_MONTH)


def test_entry_into_force_rule_keeps_its_positional_calls_of_0_1() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rule = EntryIntoForceRule(20, MONTHS3, MONTHS3)
    assert rule == EntryIntoForceRule(instruments=20, delay=MONTHS3, later_delay=MONTHS3)
    assert data.icrmw_treaty().rules.entry_into_force == rule


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ANY.EntryIntoForceRule(MONTHS3, 20, MONTHS3),
         "EntryIntoForceRule.instruments must be a whole number (int), got Delay("),
        (lambda: ANY.EntryIntoForceRule(20, 3, 3),
         "EntryIntoForceRule.delay must be a Delay, got 3"),
        (lambda: ANY.EntryIntoForceRule(20, MONTHS3, None),
         "EntryIntoForceRule.later_delay must be a Delay, got None"),
        (lambda: ANY.EntryIntoForceRule(True, MONTHS3, MONTHS3),
         "EntryIntoForceRule.instruments must be a whole number (int), got True (bool)"),
        (lambda: ANY.Delay(months=1.5), "Delay.months must be a whole number (int), got 1.5"),
        (lambda: ANY.Delay(days="30"), "Delay.days must be a whole number (int), got '30'"),
        (lambda: ANY.Delay(alignment=1), "Delay.alignment must be an Alignment, got 1"),
        (lambda: ANY.DenunciationRule(12), "DenunciationRule.takes_effect must be a Delay, got 12"),
        (lambda: ANY.DenunciationRule(MONTHS3, 60),
         "DenunciationRule.not_before must be None or a Delay, got 60"),
    ],
)
def test_rules_refuse_numbers_for_delays_and_delays_for_numbers(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        build()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Delay(months=-1), "Delay.months must be >= 0, got -1"),
        (lambda: EntryIntoForceRule(0, Delay(), Delay()),
         "EntryIntoForceRule.instruments must be >= 1, got 0"),
        (lambda: ANY.Delay(alignment="first"),
         "Delay.alignment must be an Alignment or one of its values ('none', "
         "'first_of_next_month', 'month_end'), got 'first'"),
    ],
)
def test_impossible_values_are_value_errors(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        build()


# -- wrong types name the class, the field and the value -----------------------------------

TYPE_ERRORS: list[tuple[Callable[[], object], str]] = [
    (lambda: ANY.Act("NOR", "ratification", datetime(2021, 1, 5)),
     "Act.date must be a PartialDate or a datetime.date, got datetime.datetime(2021, 1, 5, 0, 0) "
     "(datetime); use .date() of a datetime"),
    (lambda: ANY.Act("NOR", "ratification", 20210105),
     "Act.date must be a PartialDate or a datetime.date, got 20210105 (int)"),
    (lambda: ANY.Act("NOR", "ratification", "2021-01"),
     "Act.date must be a PartialDate or a datetime.date, got '2021-01' (str); "
     "use PartialDate.parse('2021-01') for text"),
    (lambda: ANY.Act(578, "ratification", DAY), "Act.participant must be a str, got 578 (int)"),
    (lambda: ANY.Act("NOR", 3, DAY), "Act.kind must be an ActKind, got 3 (int)"),
    (lambda: ANY.Act("NOR", "declaration", DAY, 77.0),
     "Act.article must be None or a str, got 77.0 (float)"),
    (lambda: ANY.Act("NOR", "signature", DAY, sources=None),
     "Act.sources must be an iterable of str, got None"),
    (lambda: ANY.Act("NOR", "signature", DAY, sources=["UNTC", 3]),
     "Act.sources[1] must be a str, got 3 (int)"),
    (lambda: ANY.Act("NOR", "signature", DAY, note=None), "Act.note must be a str, got None"),
    (lambda: ANY.PartialDate.day(datetime(2020, 1, 1)),
     "PartialDate.latest must be a datetime.date, got datetime.datetime(2020, 1, 1, 0, 0)"),
    (lambda: ANY.PartialDate.day(DAY, uncertain=1), "PartialDate.uncertain must be a bool, got 1"),
    (lambda: ANY.PartialDate(Precision.DAY, "2020-01-01", None),
     "PartialDate.latest must be a datetime.date, got '2020-01-01' (str)"),
    (lambda: ANY.Participant(5, "x"), "Participant.code must be a str, got 5 (int)"),
    (lambda: ANY.Participant("ALB", None), "Participant.name must be a str, got None"),
    (lambda: ANY.Participant("ALB", "Albania", former_names=[1]),
     "Participant.former_names[0] must be a str, got 1 (int)"),
    (lambda: ANY.Rules(5), "Rules.entry_into_force must be None or an EntryIntoForceRule, got 5"),
    (lambda: ANY.Rules(None, consent=3),
     "Rules.consent must be an iterable of ActKind (or their values), got 3 (int)"),
    (lambda: ANY.Rules(None, requires_signature=[ActKind.RATIFICATION, 3]),
     "Rules.requires_signature[1] must be an ActKind, got 3 (int)"),
    (lambda: ANY.Rules(None, denunciation=MONTHS3),
     "Rules.denunciation must be None or a DenunciationRule, got Delay("),
    (lambda: ANY.Rules(None, signature_closes="2001-01-01"),
     "Rules.signature_closes must be None or a datetime.date, got '2001-01-01' (str)"),
    (lambda: _treaty(id=13), "Treaty.id must be a str, got 13 (int)"),
    (lambda: _treaty(adopted=datetime(2000, 1, 1)), "Treaty.adopted must be a datetime.date"),
    (lambda: _treaty(rules=None), "Treaty.rules must be a Rules, got None"),
    (lambda: _member(start="1955-12-14"), "Membership.start must be a datetime.date, got '1955"),
    (lambda: _member(end=1991), "Membership.end must be None or a datetime.date, got 1991 (int)"),
    (lambda: _member(basis=None), "Membership.basis must be a Basis, got None"),
    (lambda: _member(continues=5), "Membership.continues must be None or a str, got 5"),
    (lambda: ANY.Universe(None), "Universe.periods must be an iterable of Membership, got None"),
    (lambda: ANY.Universe([_member(), ("ALB", "Albania")]),
     "Universe.periods[1] must be a Membership, got ('ALB', 'Albania') (tuple)"),
    (lambda: ANY.Universe([], as_of="2025-12-31"),
     "Universe.as_of must be None or a datetime.date, got '2025-12-31'"),
    (lambda: ANY.TreatyRecord(None, []), "TreatyRecord.treaty must be a Treaty, got None"),
    (lambda: ANY.TreatyRecord(_treaty(), [None]), "TreatyRecord.acts[0] must be an Act, got None"),
    (lambda: ANY.TreatyRecord(_treaty(), Act("NOR", "signature", DAY)),
     "TreatyRecord.acts must be an iterable of Act, got Act("),
    (lambda: ANY.TreatyRecord(_treaty(), [], ["ALB"]),
     "TreatyRecord.participants[0] must be a Participant, got 'ALB' (str)"),
    (lambda: ANY.TreatyRecord(_treaty(), [], as_of=datetime(2025, 12, 31)),
     "TreatyRecord.as_of must be None or a datetime.date, got datetime.datetime(2025, 12, 31"),
    (lambda: ANY.Counts(datetime(2020, 1, 1), 1, 1, 1, 1, 0, 1, 3), "Counts.on must be a"),
    (lambda: ANY.Counts(date(2020, 1, 1), 1, 1, "1", 1, 0, 1, 3),
     "Counts.signatories must be a whole number (int), got '1' (str)"),
]


@pytest.mark.parametrize(("build", "message"), TYPE_ERRORS)
def test_a_wrong_type_names_the_class_the_field_and_the_value(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        build()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ANY.Act("NOR", "ratifcation", DAY),
         "Act.kind must be an ActKind or one of its values ('signature', "),
        (lambda: ANY.Rules(None, consent=["ratification", "ratifcation"]),
         "Rules.consent[1] must be an ActKind or one of its values ("),
        (lambda: Rules(None, requires_signature=["signature"]),
         "Rules.requires_signature: kinds must express consent to be bound, not ['signature']"),
        (lambda: Rules(None, consent=[ActKind.DECLARATION]),
         "Rules.consent: kinds must express consent to be bound, not ['declaration']"),
        (lambda: ANY.Participant("ALB", "Albania", "nation"),
         "Participant.kind must be a ParticipantKind or one of its values ('state', "),
        (lambda: _member(basis="member"), "Membership.basis must be a Basis or one of its values"),
        (lambda: ANY.PartialDate("week", DAY, DAY), "PartialDate.precision must be a Precision"),
        (lambda: Counts(date(2020, 1, 1), 2, 0, 1, 1, -1, 1, 3),
         "Counts.former_parties must be >= 0, got -1"),
        (lambda: Counts(date(2020, 1, 1), 1, 0, 1, 1, 0, 1, 4),
         "Counts: parties + signatories + former_parties + no_action = 3, not states = 4"),
    ],
)
def test_an_unknown_value_is_a_value_error_naming_the_field(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        build()


def test_a_long_bad_value_is_shortened_in_the_message() -> None:
    with pytest.raises(TypeError) as info:
        ANY.Universe([_member(), *range(10_000)])
    assert len(str(info.value)) < 200


# -- what reads and generates these values still works --------------------------------------

@given(st.builds(Delay, months=st.integers(0, 60), days=st.integers(0, 400),
                 alignment=st.sampled_from(Alignment)))
def test_delays_round_trip_through_json(delay: Delay) -> None:
    assert serialize.from_json(serialize.to_json(delay), Delay) == delay


def test_values_built_by_conversion_round_trip_through_json() -> None:
    act = Act("NOR", "ratification", DAY, sources="UNTC")
    assert serialize.from_json(serialize.to_json(act), Act) == act
    rules = Rules(EntryIntoForceRule(2, MONTHS3, MONTHS3), consent=["ratification", "accession"],
                  requires_signature=["ratification"])
    assert serialize.from_json(serialize.to_json(rules), Rules) == rules


def test_json_with_a_wrong_type_is_still_a_validation_error() -> None:
    with pytest.raises(mc.ValidationError) as info:
        serialize.from_json('{"format": "migrant_convention/delay", "version": 1, "days": true}')
    assert "$.days" in str(info.value.problems[0])
