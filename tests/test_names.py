"""State names in the six UN languages, with the English UN name as fallback."""

from __future__ import annotations

from datetime import date

import pytest

from migrant_convention import data
from migrant_convention.places.names import (
    LANGUAGES,
    UnknownLanguageError,
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
