"""The files bundled in ``_data/``: one registry, one loader.

:data:`BUNDLED` lists every bundled file once, with what it is, how current it
is and where it comes from (a :class:`Dataset`); :func:`text` reads a file by
its dataset's name, on first use (never at import) and once.  The modules that
parse the files (:mod:`~migrant_convention.data`,
:mod:`~migrant_convention.places.regions`, :mod:`~migrant_convention.places.names`)
all read them here.

A dataset is *parsed* higher up (the bundled universe by
:mod:`~migrant_convention.data`, with the readers of
:mod:`~migrant_convention.formats`).  A lower layer that needs a parsed
dataset as a default (:func:`~migrant_convention.places.names.state_name`
names States after the bundled universe) asks :func:`load`, and the layer that
can parse it says how with :func:`provide`: the dependency is handed down,
never imported up.

This module is a foundation: it imports nothing from the package.

>>> dataset("icrmw").file
'icrmw_actions.csv'
>>> text("un_regional_groups").splitlines()[0]
'iso3,name,group,note,sources'
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib.resources import files

import attrs

__all__ = ["BUNDLED", "IN_CODE", "Dataset", "dataset", "load", "provide", "text"]

_PACKAGE = "migrant_convention"
_FOLDER = "_data"


@attrs.frozen
class Dataset:
    """What a bundled dataset is, where it comes from, and how current it is."""

    name: str
    file: str
    title: str
    as_of: date
    sources: tuple[str, ...]


#: Every file in ``_data/``, once.
BUNDLED: tuple[Dataset, ...] = (
    Dataset(
        "icrmw",
        "icrmw_actions.csv",
        "Participation record of the Migrant Workers Convention (UNTC IV-13)",
        date(2025, 12, 31),
        (
            "UN Treaty Collection, MTDSG chapter IV-13 (archived copies) and UNTS reg. 39481",
            "UNTC status tables scraped 2013-06-06..2015-03-14 (github.com/zmjones/untreaties)",
            "UN Statements of Treaties and International Agreements (ST/LEG/SER.A), 2018",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "states",
        "states_universe.csv",
        'Universe of States for UN treaties open to "all States", 1945 onwards',
        date(2025, 12, 31),
        (
            "UN Member States list with dates of admission (un.org/en/about-us/member-states)",
            "Summary of Practice of the Secretary-General as Depositary, ST/LEG/7/Rev.1",
            "UN Treaty Collection status tables (first depositary acts of non-member States)",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "ilo_c097",
        "ilo_c097_actions.csv",
        "Registrations of the ILO's Migration for Employment Convention (Revised), 1949 (C097)",
        # Complete through the last registration in NORMLEX's 54-ratification
        # snapshot (Congo, 26 Oct 2023); four registrations have no date.
        date(2023, 10, 26),
        (
            "ILO NORMLEX, C097 (fr, 54-ratification snapshot 2023/24)",
            "Dutch treaty database (verdragenbank.overheid.nl 007101)",
            "NORMLEX CEACR comments, ILO news; see shared/data/ilo/ilo_notes.md",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "ilo_c143",
        "ilo_c143_actions.csv",
        "Registrations of the ILO's Migrant Workers (Supplementary Provisions) Convention, "
        "1975 (C143)",
        # Complete as far as the sources reach: Congo, 26 Oct 2023.
        date(2023, 10, 26),
        (
            "Wikipedia ratification table (2015 mirrors), NORMLEX CEACR comments",
            "ILO General Survey 1999; SÖ 1982:76 (Sweden); DGERT (Portugal)",
            "See shared/data/ilo/ilo_notes.md",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "ilo_c189",
        "ilo_c189_actions.csv",
        "Registrations of the ILO's Domestic Workers Convention, 2011 (C189)",
        # Complete through Spain's (36th), published in the BOE on 3 Apr 2023;
        # the two to four registrations after it are not in the sources.
        date(2023, 4, 3),
        (
            "Swiss Federal Council, C189 Geltungsbereich table (lexaris mirror)",
            "WIEGO ratification list; ILO news items",
            "See shared/data/ilo/ilo_notes.md",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "campaign_events",
        "campaign_events.csv",
        "Labour-migration timeline, Step It Up campaign events and recurring observances",
        date(2025, 12, 31),
        (
            "Step It Up campaign site cmw25.org / cmw25.mfasia.org (archived copies)",
            "Migrant Forum in Asia, Migrant Rights International, MADE network, ADN Asia pages",
            "ILO NORMLEX and UN General Assembly records for adoptions and entries into force",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "m49",
        "m49_regions.csv",
        "UN M49 regions, sub-regions and intermediate regions, with LDC/LLDC/SIDS flags",
        # The edition published after Nauru's change of name to Naoero
        # (effective 26 June 2026): it reads Naoero, Türkiye, 44 LDCs.
        date(2026, 6, 26),
        (
            "UNSD, Standard country or area codes for statistical use (M49), "
            "https://unstats.un.org/unsd/methodology/m49/overview/",
            "Mirror github.com/tken2556/un_geographic_regions@44bc695 'UNSD — Methodology.csv', "
            "checked against github.com/Rana-Irem-Turhan/climate_dashboard_2@a337cbf and "
            "github.com/lukes/ISO-3166-Countries-with-Regional-Codes all/all.csv (2024-06-19)",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "un_regional_groups",
        "un_regional_groups.csv",
        "Regional groups of UN Member States (African, Asia-Pacific, Eastern European, "
        "Latin American and Caribbean, Western European and Others)",
        # The latest dated source consulted (the Dag Hammarskjöld Library FAQ,
        # version of 25 Jan 2023); the DGACM copy is archived text of 2022 or later.
        date(2023, 1, 25),
        (
            "UN DGACM, Regional groups of Member States, "
            "https://www.un.org/dgacm/en/content/regional-groups (archived copy, 2022 or later)",
            "2017 transcription in github.com/openclimatedata/countrygroups@4a913b2 "
            "(WEOG list and the illegible part of the Latin American list)",
            "UN Dag Hammarskjöld Library, https://ask.un.org/faq/14521 (25 Jan 2023): "
            "special cases",
            "Row-by-row citations in the 'sources' column",
        ),
    ),
    Dataset(
        "untc_names",
        "untc_names.csv",
        "UN names of treaty participants, current and former, and their codes",
        # Names as the UNTC status tables wrote them in 2013-2015, with the
        # later names of States taken from states_universe.csv (as of its date).
        date(2025, 12, 31),
        (
            "UNTC status tables scraped 2013-06-06..2015-03-14 (github.com/zmjones/untreaties)",
            "Later UN short names from states_universe.csv",
            "Row-by-row reasons in the 'sources' column",
        ),
    ),
)

_BY_NAME = {d.name: d for d in BUNDLED}


def dataset(name: str) -> Dataset:
    """The bundled dataset called *name* (one of :data:`BUNDLED`).

    :raises KeyError: if there is none.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no bundled dataset {name!r} (known: {', '.join(_BY_NAME)})") from None


@cache
def text(name: str) -> str:
    """The text of the bundled dataset called *name*, read on first use.

    :raises KeyError: if there is no such dataset.
    """
    return files(_PACKAGE).joinpath(_FOLDER, dataset(name).file).read_text(encoding="utf-8")


_LOADERS: dict[str, Callable[[], object]] = {}

#: Bundled data written as code rather than as a file of ``_data/``, that a
#: lower layer may also :func:`load`: the final clauses of the core UN
#: treaties (``migrant_convention.data.final_clauses``), by UN Treaty
#: Collection id, which the UN table reader applies to a table of a known id.
IN_CODE = ("final_clauses",)


def provide(name: str, loader: Callable[[], object]) -> None:
    """Say how to load the parsed dataset *name*, for :func:`load`.

    Called by the layer that parses it (and by the package's façade, which
    imports nothing until asked), so that lower layers need not import it.

    :raises KeyError: if there is no such dataset (a file of :data:`BUNDLED`
        or one of :data:`IN_CODE`).
    """
    if name not in IN_CODE:
        dataset(name)
    _LOADERS[name] = loader


def load(name: str) -> object:
    """The parsed dataset *name*, as its :func:`provide`-d loader gives it.

    :raises LookupError: if no layer has said how to load it yet.
    """
    loader = _LOADERS.get(name)
    if loader is None:
        raise LookupError(f"the bundled dataset {name!r} has no loader: import "
                          "migrant_convention.data (importing migrant_convention should)")
    return loader()
