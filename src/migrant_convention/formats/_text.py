"""Normalising names for exact lookups (no fuzzy matching)."""

from __future__ import annotations

import unicodedata

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
