"""The bundled regional tables: UN M49 areas and the UN regional groups.

Two reference tables, each row with its sources, joined to the universe on
the ISO 3166-1 alpha-3 code (never on names: the tables use M49 short names,
which differ in places from the UN names of the universe, e.g. ``Naoero``
and ``Nauru``):

* :func:`m49_areas` — every country or area with an alpha-3 code in the UN
  Statistics Division's M49 table: region, sub-region, intermediate region
  (codes kept as three-digit text: ``"002"``) and the LDC, LLDC and SIDS flags.
* :func:`un_regional_groups` — the five regional groups of UN Member States
  (DGACM), plus the four non-member States of the universe with no group.

Both show **one present-day arrangement with no history**, and the regional
groups have special cases (Türkiye, the United States, Israel, the State of
Palestine, Kiribati) given in the file's ``note`` column:
``docs/explanation/regions-and-groups.md`` explains both.  The files are
loaded through the one loader of bundled data, :mod:`migrant_convention._bundled`.

>>> areas = {a.iso3: a for a in m49_areas()}
>>> a = areas["NGA"]
>>> (a.region_code, a.region, a.subregion_code, a.intermediate_region)
('002', 'Africa', '202', 'Western Africa')
>>> {r.iso3: r.group for r in un_regional_groups()}["TUR"]
'Western European and Others'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import attrs

from .. import _bundled
from .._bundled import Dataset
from .._rows import read_rows
from ..core._convert import to_strings
from ..errors import Problem, raise_if_problems

__all__ = [
    "M49_COLUMNS",
    "REGIONAL_DATASETS",
    "REGIONAL_GROUP_COLUMNS",
    "UN_GROUPS",
    "M49Area",
    "RegionalGroupEntry",
    "m49_areas",
    "read_m49",
    "read_regional_groups",
    "un_regional_groups",
]

M49_COLUMNS = (
    "iso3", "name", "region_code", "region", "subregion_code", "subregion",
    "intermediate_region_code", "intermediate_region", "ldc", "lldc", "sids", "sources",
)
REGIONAL_GROUP_COLUMNS = ("iso3", "name", "group", "note", "sources")

#: The ``group`` values of the regional-groups file, in the UN's usual order;
#: ``none`` marks a State of the universe that belongs to no group.
UN_GROUPS = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and Others",
    "none",
)

#: The two bundled regional tables (entries of the one registry,
#: :data:`migrant_convention._bundled.BUNDLED`), by name.
REGIONAL_DATASETS: dict[str, Dataset] = {
    name: _bundled.dataset(name) for name in ("m49", "un_regional_groups")
}

_ALPHA3 = re.compile(r"^[A-Z]{3}$")
_M49_CODE = re.compile(r"^[0-9]{3}$")
_FLAGS = {"true": True, "false": False}


@attrs.frozen
class M49Area:
    """One row of the M49 table.

    Codes are three-digit text (``"002"``), never numbers.  Where M49 has no
    intermediate region (or, for Antarctica, no region at all) the code and
    name are empty strings.

    :ivar iso3: ISO 3166-1 alpha-3 code, the join key.
    :ivar name: M49 short name (may differ from the UN name in the universe).
    :ivar ldc: M49 marks it a least developed country (present-day flag).
    :ivar lldc: M49 marks it a landlocked developing country (present-day flag).
    :ivar sids: M49 marks it a small island developing State (M49's own list,
        which includes non-members and territories).
    :ivar sources: where the row comes from.
    """

    iso3: str
    name: str
    region_code: str
    region: str
    subregion_code: str
    subregion: str
    intermediate_region_code: str
    intermediate_region: str
    ldc: bool
    lldc: bool
    sids: bool
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)


@attrs.frozen
class RegionalGroupEntry:
    """One row of the regional-groups table.

    :ivar iso3: ISO 3166-1 alpha-3 code, the join key.
    :ivar name: short name as in M49.
    :ivar group: one of :data:`UN_GROUPS` (``"none"``: in no group).
    :ivar note: why, for the special cases (Türkiye, United States, Israel,
        State of Palestine, Kiribati, the non-member States).
    :ivar sources: where the row comes from.
    """

    iso3: str
    name: str
    group: str
    note: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)


def _rows(text: str, source: str, columns: tuple[str, ...], problems: list[Problem],
          check: Callable[[str, dict[str, str]], bool]) -> list[tuple[str, dict[str, str]]]:
    # The one row reader: every cell is text ("002" keeps its zeros), the
    # header must be *columns* exactly, and row N starts on line N.
    out = []
    seen: dict[str, int] = {}
    for line, where, cells, _ in read_rows(text, source, problems, required=columns,
                                           exact=True):
        # Checked here, row by row, so problems are reported in file order.
        if _key_ok(where, line, cells, seen, problems) and check(where, cells):
            out.append((where, cells))
    return out


def _key_ok(where: str, line: int, cells: dict[str, str], seen: dict[str, int],
            problems: list[Problem]) -> bool:
    code = cells["iso3"]
    if not _ALPHA3.match(code):
        problems.append(Problem(f"{where}, field 'iso3'", code,
                                "expected an ISO 3166-1 alpha-3 code", "bad-code"))
        return False
    if code in seen:
        problems.append(Problem(f"{where}, field 'iso3'", code,
                                f"repeats row {seen[code]}", "duplicate"))
        return False
    seen[code] = line
    if not cells["sources"].strip():
        problems.append(Problem(f"{where}, field 'sources'", cells["sources"],
                                "every row needs its sources", "missing-value"))
        return False
    return True


def read_m49(text: str, source: str = "<m49>") -> tuple[M49Area, ...]:
    """Parse the M49 table (layout :data:`M49_COLUMNS`).

    :raises ValidationError: listing every bad cell (file, row, field, value).
    """
    problems: list[Problem] = []
    out: list[M49Area] = []

    def check(where: str, row: dict[str, str]) -> bool:
        ok = True
        for field in ("region_code", "subregion_code", "intermediate_region_code"):
            value = row[field]
            if value and not _M49_CODE.match(value):
                problems.append(Problem(f"{where}, field '{field}'", value,
                                        "an M49 code is three digits, read as text", "bad-code"))
                ok = False
            named = row[field.removesuffix("_code")]
            if bool(value) != bool(named):
                problems.append(Problem(f"{where}, field '{field}'", value,
                                        "a code needs its name and a name its code",
                                        "missing-value"))
                ok = False
        for field in ("ldc", "lldc", "sids"):
            if row[field] not in _FLAGS:
                problems.append(Problem(f"{where}, field '{field}'", row[field],
                                        "expected true or false", "bad-value"))
                ok = False
        return ok

    for _, row in _rows(text, source, M49_COLUMNS, problems, check):
        out.append(M49Area(
            row["iso3"], row["name"], row["region_code"], row["region"],
            row["subregion_code"], row["subregion"], row["intermediate_region_code"],
            row["intermediate_region"], _FLAGS[row["ldc"]], _FLAGS[row["lldc"]],
            _FLAGS[row["sids"]], (row["sources"],),
        ))
    raise_if_problems(f"invalid M49 table in {source}", problems)
    return tuple(out)


def read_regional_groups(text: str, source: str = "<groups>") -> tuple[RegionalGroupEntry, ...]:
    """Parse the regional-groups table (layout :data:`REGIONAL_GROUP_COLUMNS`).

    :raises ValidationError: listing every bad cell (file, row, field, value).
    """
    problems: list[Problem] = []

    def check(where: str, row: dict[str, str]) -> bool:
        if row["group"] in UN_GROUPS:
            return True
        problems.append(Problem(f"{where}, field 'group'", row["group"],
                                f"expected one of {', '.join(UN_GROUPS)}", "bad-value"))
        return False

    out = [RegionalGroupEntry(row["iso3"], row["name"], row["group"], row["note"],
                              (row["sources"],))
           for _, row in _rows(text, source, REGIONAL_GROUP_COLUMNS, problems, check)]
    raise_if_problems(f"invalid regional groups in {source}", problems)
    return tuple(out)


@cache
def m49_areas() -> tuple[M49Area, ...]:
    """The bundled M49 table (248 areas), loaded on first use.

    >>> len(m49_areas())
    248
    """
    meta = REGIONAL_DATASETS["m49"]
    return read_m49(_bundled.text(meta.name), meta.file)


@cache
def un_regional_groups() -> tuple[RegionalGroupEntry, ...]:
    """The bundled regional groups (193 Member States and 4 non-member States).

    >>> len(un_regional_groups())
    197
    """
    meta = REGIONAL_DATASETS["un_regional_groups"]
    return read_regional_groups(_bundled.text(meta.name), meta.file)
