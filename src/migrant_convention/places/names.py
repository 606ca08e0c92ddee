"""State names in the six UN languages (Arabic, Chinese, English, French,
Russian, Spanish).

English names are the UN's own short names, as the universe of States (or the
treaty record) writes them: ``Türkiye``, ``Bolivia (Plurinational State of)``.
Names in the other languages are the translations of the ISO 3166 names that
pycountry ships (gettext catalogs from Debian's iso-codes project), where a
translation exists.  They are ISO's names, not the UN's terminology (UNTERM):
French reads ``Bolivie, état plurinational de``.  Where a translation is
missing, :func:`state_name` falls back to the English UN name.

>>> state_name("CIV", "fr"), state_name("CIV", "es")
("Côte d'Ivoire", 'Costa de Marfíl')
>>> state_name("TUR", "en")
'Türkiye'
"""

from __future__ import annotations

import gettext
import re
from datetime import date
from functools import cache
from typing import Any

from ..core.record import TreatyRecord
from ..core.universe import Universe
from ..errors import MigrantConventionError, UnknownParticipantError

__all__ = [
    "LANGUAGES", "UnknownLanguageError", "short_name", "state_name", "translated_name",
]

#: The six official languages of the United Nations, by ISO 639-1 code.
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")

# pycountry's catalogs are per locale; Chinese is simplified Chinese (zh_CN),
# the script the UN uses.
_LOCALE = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh": "zh_CN"}


class UnknownLanguageError(MigrantConventionError, ValueError):
    """A language code that is not one of :data:`LANGUAGES`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        super().__init__(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnknownLanguageError(lang)


@cache
def _catalog(domain: str, lang: str) -> gettext.NullTranslations:
    import pycountry  # lazily: pycountry loads its database on first use

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[_LOCALE[lang]],
                               fallback=True)


def _iso_entry(code: str) -> tuple[str, Any] | None:
    import pycountry

    if len(code) != 3:
        return None
    entry = pycountry.countries.get(alpha_3=code)
    if entry is not None:
        return "iso3166-1", entry
    entry = pycountry.historic_countries.get(alpha_3=code)
    if entry is not None:
        return "iso3166-3", entry
    return None


def translated_name(code: str, lang: str) -> str | None:
    """pycountry's translation of the ISO 3166 name of *code* into *lang*, or
    ``None`` if it has none (or *lang* is English, whose names are the UN's).

    Former States (``SUN``, ``YUG``, ...) are looked up in ISO 3166-3.

    >>> translated_name("DEU", "fr"), translated_name("TUR", "ar")
    ('Allemagne', None)

    :raises UnknownLanguageError: if *lang* is not one of :data:`LANGUAGES`.
    """
    _check_lang(lang)
    if lang == "en":
        return None
    found = _iso_entry(code)
    if found is None:
        return None
    domain, entry = found
    english = str(entry.name)
    # gettext returns its argument both when the catalog lacks the entry and
    # when the translation is the same word ("France"), so ask the catalog.
    messages: dict[str, str] = getattr(_catalog(domain, lang), "_catalog", {})
    text = messages.get(english)
    return text or None


def state_name(
    code: str,
    lang: str = "en",
    *,
    on: date | None = None,
    universe: Universe | None = None,
    record: TreatyRecord | None = None,
) -> str:
    """The name of *code* in *lang* (one of :data:`LANGUAGES`).

    English: the UN short name — the name under which *record* lists *code*
    (the UN Treaty Collection's), else the name in *universe* (the bundled one
    by default) for the period covering *on* if given, else the latest, without
    its historical remarks (:func:`short_name`); failing both, ISO's name.
    Other languages: pycountry's translation of the ISO name, **falling back
    to the English UN name when it has none** (e.g. Arabic for Türkiye, or
    Zanzibar in any language).

    >>> state_name("DEU", "zh"), state_name("TUR", "ar")
    ('德国', 'Türkiye')

    :raises UnknownLanguageError: if *lang* is not one of :data:`LANGUAGES`.
    :raises UnknownParticipantError: if no source knows *code*.
    """
    _check_lang(lang)
    translated = translated_name(code, lang)
    if translated is not None:
        return translated
    return _english(code, on, universe, record)


_REMARKS = (
    re.compile(r"\s+-\s+not a UN member$"),
    re.compile(r"\s*\((?:formerly|admitted as|seat held) [^()]*\)$"),
    re.compile(r"\s*\([^()]*\buntil\b[^()]*\)$"),
)


def short_name(name: str) -> str:
    """*name* as the universe writes it, without the historical remark at its
    end: "(formerly ...)", "(... until DATE)", "(admitted as ...)", "(seat held
    ...)", "- not a UN member".  Parentheses that are part of the UN name stay.

    >>> short_name("Burkina Faso (Upper Volta until 4 Aug 1984)")
    'Burkina Faso'
    >>> short_name("Bolivia (Plurinational State of)")
    'Bolivia (Plurinational State of)'
    """
    for pattern in _REMARKS:
        name = pattern.sub("", name)
    return name


def _english(code: str, on: date | None, universe: Universe | None,
             record: TreatyRecord | None) -> str:
    if record is not None and (p := record.participant(code)) is not None:
        return p.name
    if universe is None:
        from .. import data

        universe = data.states()
    if code in universe:
        return short_name(universe.name(code, on))
    found = _iso_entry(code)
    if found is not None:
        return str(found[1].name)
    raise UnknownParticipantError(code, "not in the universe, the record or ISO 3166")
