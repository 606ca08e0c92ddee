"""What the generated examples are made of: codes, names, sources and the
order in which kinds of consent shrink."""

from __future__ import annotations

from functools import cache

from ...core.acts import ActKind

# Consent kinds, in the order examples shrink through (ratification first).
_CONSENT_KINDS = (
    ActKind.RATIFICATION,
    ActKind.ACCESSION,
    ActKind.ACCEPTANCE,
    ActKind.APPROVAL,
    ActKind.SUCCESSION,
    ActKind.DEFINITIVE_SIGNATURE,
    ActKind.FORMAL_CONFIRMATION,
    ActKind.CONSENT_TO_BE_BOUND,
    ActKind.DECLARATION_OF_ACCEPTANCE,  # the Charter's (UN table I-2)
)
# Withdrawn ISO 3166 codes of States that ended (or were continued) in UN times.
_FORMER_CODES = ("SUN", "YUG", "CSK", "DDR", "SCG", "YMD")
# Former States the ISO never coded: codes of our own (see participants.py).
_OWN_FORMER_CODES = ("ZANZIBAR", "SOUTH-VIET-NAM")
_NON_STATE_CODES = ("EUROPEAN-UNION", "UNESCO", "HONG-KONG", "COOK-ISLANDS-ASSOC")
_SOURCES = (
    "UN Treaty Collection status table",
    "depositary notification C.N.1.2000.TREATIES-1",
    "UN Statement of Treaties and International Agreements",
)


@cache
def _current_codes() -> tuple[str, ...]:
    import pycountry  # lazily, as participants.py does

    return tuple(sorted(c.alpha_3 for c in pycountry.countries))


@cache
def _names() -> dict[str, str]:
    import pycountry

    out = {c.alpha_3: c.name for c in pycountry.historic_countries}
    out.update({c.alpha_3: c.name for c in pycountry.countries})
    return out


@cache
def _historic_alpha4() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_4 for c in pycountry.historic_countries}


def _name(code: str) -> str:
    from ...formats.csvio import NO_ISO_CODES  # our own codes are found again by name

    own = {v: k for k, v in NO_ISO_CODES.items()}
    return _names().get(code) or own.get(code) or code.replace("-", " ").replace("_", " ").title()

