"""Names and codes of participants, both ways: the one place that turns a
name into a code and a code into a name.

**Codes from names.**  :func:`lookup_participant` finds the participant a UN
name stands for in the bundled table of the UN's names (current and former,
of States, former States, territories and organisations:
:func:`participant_names`); :func:`code_of` reads what a person typed — a
code, or a name in the universe, the record or that table — and suggests,
never guesses, when it finds nothing.  Names are compared under
:func:`fold_name`: case, accents, typographic apostrophes and repeated spaces
do not matter.  :func:`code_of` also knows ISO 3166's codes and names in the
six UN languages and common English forms ("UK", "Russia"); a misspelling
is never read as a name, only suggested.

>>> lookup_participant("Cape Verde").code, code_of("cote d’ivoire")
('CPV', 'CIV')

**Names from codes**, in the six UN languages (Arabic, Chinese, English,
French, Russian, Spanish).  English names are the UN's own short names, as
the universe of States (or the treaty record) writes them: ``Türkiye``,
``Bolivia (Plurinational State of)``.  Names in the other languages are the
translations of the ISO 3166 names that pycountry ships (gettext catalogs
from Debian's iso-codes project), where a translation exists.  They are
ISO's names, not the UN's terminology (UNTERM): French reads ``État
plurinational de Bolivie`` (ISO's inverted ``Bolivie, état plurinational de``
is given in its official form, see :func:`translated_name`).  Where a
translation is missing, :func:`state_name` falls back to the English UN name.

>>> state_name("CIV", "fr"), state_name("CIV", "es")
("Côte d'Ivoire", 'Costa de Marfíl')
>>> state_name("TUR", "en")
'Türkiye'
"""

from __future__ import annotations

import difflib
import gettext
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from typing import Any

from .. import _bundled
from .._rows import read_rows
from ..core.participants import Participant, ParticipantKind
from ..core.record import TreatyRecord
from ..core.universe import Universe
from ..errors import Problem, UnknownLanguageError, UnknownParticipantError, raise_if_problems

__all__ = [
    "LANGUAGES",
    "UnknownLanguageError",
    "code_of",
    "collation_key",
    "fold_name",
    "lookup_participant",
    "participant_name",
    "participant_names",
    "short_name",
    "state_name",
    "translated_name",
]

#: The six official languages of the United Nations, by ISO 639-1 code.
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")

# pycountry's catalogs are per locale; Chinese is simplified Chinese (zh_CN),
# the script the UN uses.
_LOCALE = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh": "zh_CN"}

# The bundled table of UN names, by its name in migrant_convention._bundled.
_NAMES = "untc_names"


# -- comparing names -----------------------------------------------------------

# Typographic apostrophes and quotes that people paste from web pages.
_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'",
                              "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
                              "\u2013": "-"})


def fold_name(name: str) -> str:
    """A key under which spellings of one name meet: case, accents, typographic
    apostrophes and runs of spaces do not matter; letters and words do.

    >>> fold_name("Côte d’Ivoire") == fold_name("cote d'ivoire")
    True
    >>> fold_name("Türkiye"), fold_name("  Sao  Tome ")
    ('turkiye', 'sao tome')
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_PUNCTUATION))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split()).casefold()


_REMARKS = (
    re.compile(r"\s+-\s+not a UN member$"),
    re.compile(r"\s*\((?:formerly|admitted as|seat held) [^()]*\)$"),
    re.compile(r"\s*\([^()]*\buntil\b[^()]*\)$"),
    # "Egypt (United Arab Republic 1958-1971; union with Syria 1958-1961)".
    re.compile(r"\s*\([^()]*\b\d{4}-\d{4}\b[^()]*\)$", re.ASCII),
)


def short_name(name: str) -> str:
    """*name* as the universe writes it, without the historical remark at its
    end: "(formerly ...)", "(... until DATE)", "(... 1958-1971 ...)", "(admitted
    as ...)", "(seat held ...)", "- not a UN member".  Parentheses that are
    part of the UN name stay.

    >>> short_name("Burkina Faso (Upper Volta until 4 Aug 1984)")
    'Burkina Faso'
    >>> short_name("Egypt (United Arab Republic 1958-1971; union with Syria 1958-1961)")
    'Egypt'
    >>> short_name("Bolivia (Plurinational State of)")
    'Bolivia (Plurinational State of)'
    """
    for pattern in _REMARKS:
        name = pattern.sub("", name)
    return name


# -- the table of UN names -----------------------------------------------------

@cache
def _name_rows() -> tuple[tuple[str, Participant, str], ...]:
    file = _bundled.dataset(_NAMES).file
    problems: list[Problem] = []
    out = []
    for read in read_rows(_bundled.text(_NAMES), file, problems,
                          required=("name", "code", "kind", "sources"), exact=True):
        row = read.cells
        kind = ParticipantKind(row["kind"])
        out.append((row["name"], Participant(row["code"], row["name"], kind), row["sources"]))
    raise_if_problems(f"invalid name table {file}", problems)
    return tuple(out)


@cache
def _by_folded_name() -> dict[str, Participant]:
    return {fold_name(name): p for name, p, _ in _name_rows()}


@cache
def _table_codes() -> frozenset[str]:
    return frozenset(p.code for _, p, _ in _name_rows())


def participant_names() -> Mapping[str, tuple[Participant, str]]:
    """The bundled name table: each UN name, its participant and why (sources).

    >>> participant_names()["Czechoslovakia"][0].kind
    <ParticipantKind.FORMER_STATE: 'former_state'>
    """
    return {name: (p, why) for name, p, why in _name_rows()}


def lookup_participant(name: str) -> Participant:
    """The participant a UN name stands for (exact match, ignoring case,
    accents, typographic apostrophes and repeated spaces).

    >>> lookup_participant("Cabo Verde").code, lookup_participant("cape verde").code
    ('CPV', 'CPV')
    >>> lookup_participant("Cabo Verdee")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    UnknownParticipantError: unknown participant 'Cabo Verdee'

    :raises UnknownParticipantError: the name is not in the table.
    """
    found = _by_folded_name().get(fold_name(name))
    if found is None:
        raise UnknownParticipantError(name, "not a UN name in the bundled name table")
    return found


# -- codes from what people type -----------------------------------------------

# Common English forms that neither the UN's names nor ISO 3166 (pycountry's
# name, common_name, official_name) give.  "UK" is ISO 3166-1's exceptionally
# reserved code for the United Kingdom; the rest are everyday English usage.
_COMMON_NAMES: dict[str, str] = {
    "UK": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "USA": "USA", "U.S.": "USA", "U.S.A.": "USA", "United States": "USA",
    "America": "USA",
    "Russia": "RUS",
    "Palestine": "PSE",
    "Ivory Coast": "CIV",
    "Czech Republic": "CZE",
    "Macedonia": "MKD",
    "Burma": "MMR",
    "East Timor": "TLS",
    "Vatican": "VAT", "Vatican City": "VAT",
    "DR Congo": "COD", "DRC": "COD", "Congo-Kinshasa": "COD",
    "Congo-Brazzaville": "COG",
    "Micronesia": "FSM",
    "Turkey": "TUR",
    "Holland": "NLD",
    "Cape Verde": "CPV",
    "Swaziland": "SWZ",
    "Brunei": "BRN",
    "Gambia": "GMB",
    "Bahamas": "BHS",
    "Kyrgyzstan": "KGZ",
    "Slovakia": "SVK",
}


@cache
def _aliases() -> tuple[dict[str, frozenset[str]], ...]:
    """Every name people use for a participant, folded, to the codes it may
    mean (several: the name is ambiguous, e.g. "korea"), in tiers tried in
    order — a name the UN uses for one participant is not overruled by ISO's
    use of it for another (the UN's "Dahomey" is Benin; ISO 3166-3 has a
    former code of its own):

    1. the bundled table of UN names (current and former);
    2. ISO 3166-1's alpha-2 codes, names, common names and official names,
       and their translations into the six UN languages (pycountry), and
       :data:`_COMMON_NAMES`;
    3. ISO 3166-3's former countries.
    """
    import pycountry  # lazily: pycountry loads its database on first use

    tiers: list[dict[str, set[str]]] = [{}, {}, {}]

    def add(tier: int, name: str | None, code: str) -> None:
        if name:
            tiers[tier].setdefault(fold_name(name), set()).add(code)
            # ISO writes some names inverted ("Russie, Fédération de"): people
            # type the head ("Russie").  Ambiguous heads ("Korea") stay ambiguous.
            head, comma, _ = name.partition(", ")
            if comma and tier:
                tiers[tier].setdefault(fold_name(head), set()).add(code)

    for name, participant, _ in _name_rows():
        add(0, name, participant.code)
    for country in pycountry.countries:
        code = str(country.alpha_3)
        add(1, str(country.alpha_2), code)
        for attr in ("name", "common_name", "official_name"):
            english = getattr(country, attr, None)
            if english is None:
                continue
            add(1, str(english), code)
            for lang in LANGUAGES:
                if lang != "en":
                    messages: dict[str, str] = getattr(_catalog("iso3166-1", lang),
                                                       "_catalog", {})
                    add(1, messages.get(str(english)), code)
    for name, code in _COMMON_NAMES.items():
        add(1, name, code)
    for former in pycountry.historic_countries:
        add(2, str(former.name), str(former.alpha_3))
    return tuple({name: frozenset(codes) for name, codes in tier.items()} for tier in tiers)


def code_of(text: str, universe: Universe | None = None,
            record: TreatyRecord | None = None) -> str:
    """The code of the participant *text* stands for, as people type it: a
    code (ISO 3166-1 alpha-3 or alpha-2, any case: ``"alb"``, ``"us"``), the
    UN's short or formal name, current or former (``"Swaziland"``), ISO's
    names and their translations into the six UN languages (``"Allemagne"``,
    ``"Германия"``), or a common English form (``"UK"``, ``"Russia"``,
    ``"Vietnam"``, ``"South Korea"``).  Case, accents, typographic apostrophes
    and repeated spaces do not matter (:func:`fold_name`).

    With a *universe*, the answer must be one of its States (a name any of its
    periods has counts too, with or without the historical remark); with a
    *record*, its codes and its participants' names (current and former)
    count as well.  Without either, any participant of the bundled table of UN
    names, or any ISO 3166 country, is an answer.

    >>> code_of("alb"), code_of("Swaziland"), code_of("European Union")
    ('ALB', 'SWZ', 'ORG-EU')
    >>> code_of("United States"), code_of("UK"), code_of("Vietnam"), code_of("Russie")
    ('USA', 'GBR', 'VNM', 'RUS')
    >>> code_of("Untied Kingdom")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    UnknownParticipantError: unknown participant 'Untied Kingdom' (... did you mean ...?)

    :raises UnknownParticipantError: if *text* names no participant or several
        (the message says which), suggesting close names; it never guesses.
    """
    wanted = text.strip()
    code = wanted.upper()
    if code in (universe if universe is not None else _table_codes()) or (
            record is not None and code in record.codes):
        return code
    folded = fold_name(wanted)

    def allowed(c: str) -> bool:
        if universe is None:
            return True
        return c in universe or (record is not None and c in record.codes)

    matches: set[str] = set()
    if universe is not None:
        matches |= {p.code for p in universe.periods
                    if folded in (fold_name(p.name), fold_name(short_name(p.name)))}
    if record is not None:
        matches |= {p.code for p in record.participants
                    if folded in (fold_name(n) for n in p.names)}
    for tier in _aliases():
        if matches:
            break
        matches = {c for c in tier.get(folded, ()) if allowed(c)}
    if len(matches) == 1:
        return matches.pop()
    if len(matches) > 1:
        which = " or ".join(f"{_display_name(c, universe)!r} ({c})" for c in sorted(matches))
        raise UnknownParticipantError(text, f"ambiguous: {which}")
    close = _suggestions(folded, allowed, universe)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownParticipantError(text, f"give an ISO 3166 alpha-3 code or a name{hint}")


def _suggestions(folded: str, allowed: Callable[[str], bool],
                 universe: Universe | None) -> list[str]:
    """Up to four names close to *folded*, as the user would write them.

    Names that start with what was typed come first, then those difflib
    finds similar (a typo, a letter swapped): a short code such as ``"uk"`` is
    never matched inside a longer word ("Ukraine").  The standard library's
    matcher is enough for some 2,000 names (about a millisecond); a compiled
    fuzzy-matching dependency would buy little here.
    """
    if not folded:
        return []
    candidates: dict[str, frozenset[str]] = {}
    for tier in reversed(_aliases()):  # a name's first tier decides its codes
        candidates.update((name, codes) for name, codes in tier.items()
                          if len(name) > 3 and any(allowed(c) for c in codes))
    ranked = [n for n in sorted(candidates) if n.startswith(folded) and len(folded) >= 3]
    ranked += difflib.get_close_matches(folded, list(candidates), n=8, cutoff=0.75)
    out: list[str] = []
    for name in ranked:
        code = min(c for c in candidates[name] if allowed(c))
        shown = _display_name(code, universe)
        if shown not in out:
            out.append(shown)
    return out[:4]


def _display_name(code: str, universe: Universe | None) -> str:
    if universe is not None and code in universe:
        return short_name(universe.name(code))
    table = [p.name for _, p, _ in _name_rows() if p.code == code]
    if table:
        return table[-1]
    found = _iso_entry(code)
    return str(found[1].name) if found is not None else code


# -- names from codes ------------------------------------------------------------

def participant_name(record: TreatyRecord, universe: Universe | None, code: str,
                     on: date | None = None) -> str:
    """The name of *code*: as the record names it (the UN's current name),
    else the universe's (on *on*, remarks and all), else the code itself.

    >>> from migrant_convention import data
    >>> participant_name(data.icrmw(), None, "CPV"), participant_name(data.icrmw(), None, "XKX")
    ('Cabo Verde', 'XKX')
    """
    p = record.participant(code)
    if p is not None:
        return p.name
    if universe is not None and code in universe:
        return universe.name(code, on)
    return code


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnknownLanguageError(lang, LANGUAGES)


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

    ISO writes some names inverted ("Bolivie, état plurinational de"), which
    reads badly in a list separated by commas: then the translation of ISO's
    official name ("État plurinational de Bolivie") is given, else of its
    common name ("Syrie"), and the inverted name only when neither is
    translated.  Former States (``SUN``, ``YUG``, ...) are looked up in ISO
    3166-3.

    >>> translated_name("DEU", "fr"), translated_name("TUR", "ar")
    ('Allemagne', None)
    >>> translated_name("BOL", "fr"), translated_name("SYR", "fr")
    ('État plurinational de Bolivie', 'Syrie')

    :raises UnknownLanguageError: if *lang* is not one of :data:`LANGUAGES`.
    """
    _check_lang(lang)
    if lang == "en":
        return None
    found = _iso_entry(code)
    if found is None:
        return None
    domain, entry = found
    # gettext returns its argument both when the catalog lacks the entry and
    # when the translation is the same word ("France"), so ask the catalog;
    # never with "", which gives the catalog's header.
    messages: dict[str, str] = getattr(_catalog(domain, lang), "_catalog", {})

    def translated(attr: str) -> str | None:
        english = getattr(entry, attr, None)
        return messages.get(str(english)) or None if english else None

    name = translated("name")
    if name is None or ", " not in name:
        return name
    return translated("official_name") or translated("common_name") or name


def collation_key(name: str) -> tuple[str, str]:
    """A key that sorts names as a reader expects, in any of the six
    languages: accents and case do not decide the order ("Égypte" among the
    E's, not after "Z"), only break ties.

    >>> sorted(["Équateur", "Zambie", "Egypte", "Érythrée"], key=collation_key)
    ['Egypte', 'Équateur', 'Érythrée', 'Zambie']
    """
    return fold_name(name), name


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


def _english(code: str, on: date | None, universe: Universe | None,
             record: TreatyRecord | None) -> str:
    if record is not None and (p := record.participant(code)) is not None:
        return p.name
    if universe is None:
        universe = _bundled_universe()
    if code in universe:
        return short_name(universe.name(code, on))
    found = _iso_entry(code)
    if found is not None:
        return str(found[1].name)
    raise UnknownParticipantError(code, "not in the universe, the record or ISO 3166")


def _bundled_universe() -> Universe:
    # The bundled universe is parsed by the data layer, above this one: it
    # hands its loader down (_bundled.provide), so nothing here imports it.
    universe = _bundled.load("states")
    if not isinstance(universe, Universe):
        raise TypeError(f"the bundled universe loaded as a {type(universe).__name__}")
    return universe
