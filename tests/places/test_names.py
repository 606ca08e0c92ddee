"""State names in the six UN languages, with the English UN name as fallback."""

from __future__ import annotations

from datetime import date

import pytest

from migrant_convention import data
from migrant_convention.core.record import TreatyRecord
from migrant_convention.core.universe import Basis, Membership, Universe
from migrant_convention.errors import UnknownParticipantError
from migrant_convention.formats import untc
from migrant_convention.places.names import (
    LANGUAGES,
    UnknownLanguageError,
    code_of,
    fold_name,
    lookup_participant,
    participant_name,
    participant_names,
    short_name,
    state_name,
    translated_name,
)


def test_english_is_the_un_short_name() -> None:
    # The record's (UN Treaty Collection's) name, or the universe's without
    # its historical remark; never ISO's "Bolivia, Plurinational State of".
    assert state_name("BOL") == "Bolivia (Plurinational State of)"
    assert state_name("BFA") == "Burkina Faso"
    assert state_name("TUR") == "Türkiye"
    assert state_name("SWZ") == "Eswatini"
    assert state_name("NRU") == "Nauru"  # the universe's name, not M49's "Naoero"


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("DEU", "fr", "Allemagne"),
        ("DEU", "es", "Alemania"),
        ("DEU", "ru", "Германия"),
        ("DEU", "zh", "德国"),
        ("FRA", "fr", "France"),  # same word: a translation all the same
        ("SUN", "ru", "Союз Советских Социалистических Республик"),  # ISO 3166-3
    ],
)
def test_translations(code: str, lang: str, expected: str) -> None:
    assert state_name(code, lang) == expected
    assert translated_name(code, lang) == expected


def test_fallback_to_english() -> None:
    # pycountry's Arabic catalog has no entry for Türkiye; Zanzibar has no ISO code.
    assert translated_name("TUR", "ar") is None
    assert state_name("TUR", "ar") == "Türkiye"
    assert state_name("ZANZIBAR", "fr") == "Zanzibar"


def test_every_state_of_2014_has_a_name_in_every_language() -> None:
    for code in data.states().members(date(2014, 12, 18)):
        for lang in LANGUAGES:
            assert state_name(code, lang).strip()


def test_short_name_keeps_un_parentheses() -> None:
    assert short_name("Iran (Islamic Republic of)") == "Iran (Islamic Republic of)"
    assert short_name("Myanmar (formerly Burma)") == "Myanmar"
    assert short_name("North Macedonia (admitted as 'The former Yugoslav Republic of "
                      "Macedonia')") == "North Macedonia"


def test_bad_language_and_code() -> None:
    with pytest.raises(UnknownLanguageError):
        state_name("DEU", "de")
    with pytest.raises(ValueError, match="'de'"):
        translated_name("DEU", "de")
    with pytest.raises(LookupError):
        state_name("XXX")


# -- codes from names: code_of ---------------------------------------------------------


def _record_with(*rows: str) -> TreatyRecord:
    """A record read from a UN Treaty Collection table with these participant rows."""
    text = "Participant,Signature\n" + "".join(f"{name},13 May 2009\n" for name in rows)
    return untc.read_table(text, "t.csv")


def test_code_of_takes_a_code_in_any_case() -> None:
    states = data.states()
    assert code_of(" alb ", states) == "ALB"
    assert code_of("alb") == "ALB"  # a code of the bundled name table


def test_code_of_reads_the_names_of_the_universe_with_or_without_remarks() -> None:
    states = data.states()
    for period in states.periods:
        if period.end is None and period.code.isalpha() and len(period.code) == 3:
            assert code_of(period.name.upper(), states) == period.code, period.name
            assert code_of(short_name(period.name), states) == period.code, period.name


@pytest.mark.parametrize(("typed", "code"), [
    ("Cape Verde", "CPV"), ("Swaziland", "SWZ"), ("Turkey", "TUR"), ("Zaire", "COD"),
    ("the former yugoslav republic of macedonia", "MKD"), ("Côte d\u2019Ivoire", "CIV"),
])
def test_code_of_knows_former_un_names(typed: str, code: str) -> None:
    assert code_of(typed, data.states()) == code
    assert code_of(typed) == code


def test_code_of_counts_only_states_of_the_universe_given() -> None:
    states = data.states()
    assert "HKG" not in states
    assert code_of("Hong Kong") == "HKG"  # no universe: the table decides
    with pytest.raises(UnknownParticipantError):
        code_of("Hong Kong", states)
    with pytest.raises(UnknownParticipantError):
        code_of("HKG", states)
    # ... unless the record has it.
    record = _record_with("Hong Kong")
    assert code_of("hong kong", states, record) == "HKG"
    assert code_of("hkg", states, record) == "HKG"


def test_code_of_reads_the_names_of_the_record() -> None:
    record = _record_with("European Union")
    assert code_of("european union", data.states(), record) == "ORG-EU"


def test_code_of_refuses_an_ambiguous_name() -> None:
    twins = Universe([
        Membership("ALB", "Twinland", date(1950, 1, 1), None, Basis.UN_MEMBER),
        Membership("DZA", "Twinland", date(1950, 1, 1), None, Basis.UN_MEMBER),
    ])
    with pytest.raises(UnknownParticipantError,
                       match=r"ambiguous: 'Twinland' \(ALB\) or 'Twinland' \(DZA\)"):
        code_of("twinland", twins)


@pytest.mark.parametrize(("typed", "code"), [
    # Issue 16: the names people type.  Expected codes from ISO 3166-1.
    ("United States", "USA"), ("Russia", "RUS"), ("Iran", "IRN"), ("Vietnam", "VNM"),
    ("South Korea", "KOR"), ("UK", "GBR"), ("Palestine", "PSE"), ("us", "USA"),
    ("gb", "GBR"), ("Allemagne", "DEU"), ("Германия", "DEU"), ("德国", "DEU"),
    ("Alemania", "DEU"), ("ألمانيا", "DEU"), ("Dahomey", "BEN"), ("Ivory Coast", "CIV"),
])
def test_code_of_knows_the_names_people_type(typed: str, code: str) -> None:
    assert code_of(typed, data.states()) == code
    assert code_of(typed) == code


@pytest.mark.parametrize(("typed", "suggested", "not_suggested"), [
    ("Untied Kingdom", "United Kingdom of Great Britain and Northern Ireland", "Ukraine"),
    ("Rusia", "Russian Federation", "Belarus"),
    ("Ukrane", "Ukraine", "United Kingdom"),
    ("Korea", "Republic of Korea", "Ukraine"),
])
def test_code_of_suggests_sensibly(typed: str, suggested: str, not_suggested: str) -> None:
    with pytest.raises(UnknownParticipantError) as raised:
        code_of(typed, data.states())
    assert repr(suggested) in str(raised.value)
    assert not_suggested not in str(raised.value)


def test_code_of_suggests_but_never_guesses() -> None:
    states = data.states()
    with pytest.raises(UnknownParticipantError) as raised:
        code_of("United Stats", states)
    assert "did you mean 'United States of America'" in str(raised.value)
    assert raised.value.value == "United Stats"
    for typed in ("Cabo Verd", "Republic of Atlantis", "", "Korea"):
        with pytest.raises(UnknownParticipantError):
            code_of(typed, states)
        with pytest.raises(UnknownParticipantError):
            code_of(typed)


def test_lookups_agree_with_the_name_table() -> None:
    # Every name of the table gives its own code, through both look-ups.
    for name, (participant, _) in participant_names().items():
        assert lookup_participant(name) == participant
        assert code_of(name) == participant.code


def test_participant_name_falls_back_to_the_universe_then_the_code() -> None:
    record, states = data.icrmw(), data.states()
    assert participant_name(record, states, "CPV") == record.participant("CPV").name  # type: ignore[union-attr]
    assert "CHE" not in record.codes
    assert participant_name(record, states, "CHE") == states.name("CHE")
    assert participant_name(record, None, "CHE") == "CHE"


def test_fold_name_forgives_case_accents_and_apostrophes_only() -> None:
    assert fold_name("  Côte  D\u2019IVOIRE ") == fold_name("cote d'ivoire")
    assert fold_name("Korea") != fold_name("Korea (Republic of)")  # nothing fuzzy
