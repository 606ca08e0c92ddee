"""The bundled datasets, loaded on first use (never at import).

* :func:`icrmw` — the complete record of the International Convention on the
  Protection of the Rights of All Migrant Workers and Members of Their
  Families (UN Treaty Collection IV-13), every act with its sources.
* :func:`states` — the dated universe of States that can take part in a UN
  treaty open to "all States".
* :func:`icrmw_treaty` — the Convention itself and its rules (arts. 86–89).
* :func:`treaty` / :func:`treaties` — the final clauses of the core UN
  human-rights treaties and their optional protocols, by UN Treaty
  Collection id (:mod:`migrant_convention.data.final_clauses`).
* :func:`record` — any bundled treaty record by its identifier: ``"IV-13"``
  (the Convention), and the ILO's migrant-worker conventions ``"C097"``,
  ``"C143"`` and ``"C189"`` (:mod:`migrant_convention.data.ilo`);
  :func:`records` lists them all.

Each dataset carries its "as of" date (:data:`DATASETS`).  All bundled
files, these and the others (events, regions, UN names), are listed once and
read by one loader in :mod:`migrant_convention._bundled`.

>>> from migrant_convention import data
>>> data.icrmw().as_of
datetime.date(2025, 12, 31)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache

from .. import _bundled
from .._bundled import Dataset
from ..core.acts import ActKind
from ..core.record import TreatyRecord
from ..core.treaty import Alignment, Delay, DenunciationRule, EntryIntoForceRule, Rules, Treaty
from ..core.universe import Universe
from ..core.validate import validate_record
from ..errors import UnknownTreatyError
from ..formats.csvio import read_acts, read_universe
from ..formats.untc import treaty_id

__all__ = ["DATASETS", "Dataset", "icrmw", "icrmw_treaty", "record", "records", "states",
           "treaties", "treaty"]


#: The datasets of the treaty records and the universe (entries of the one
#: registry of bundled files, ``migrant_convention._bundled.BUNDLED``), by name.
DATASETS: dict[str, Dataset] = {name: _bundled.dataset(name) for name in (
    "icrmw", "states", "ilo_c097", "ilo_c143", "ilo_c189")}


@cache
def icrmw_treaty() -> Treaty:
    """The Migrant Workers Convention and its final clauses (arts. 86–89).

    >>> icrmw_treaty().rules.entry_into_force.instruments
    20
    """
    three_months = Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH)
    return Treaty(
        id="IV-13",
        title=(
            "International Convention on the Protection of the Rights of All Migrant "
            "Workers and Members of Their Families"
        ),
        short_name="ICRMW",
        adopted=date(1990, 12, 18),
        opened_for_signature=date(1990, 12, 18),
        depositary="Secretary-General of the United Nations",
        place="New York",
        rules=Rules(
            # Art. 86: signature subject to ratification; accession by any State.
            consent=frozenset({ActKind.RATIFICATION, ActKind.ACCESSION, ActKind.SUCCESSION}),
            requires_signature=frozenset({ActKind.RATIFICATION}),
            # Art. 87(1) and (2): first day of the month following a period of
            # three months after the deposit of the 20th instrument / of its own.
            entry_into_force=EntryIntoForceRule(20, three_months, three_months),
            # Art. 89: not earlier than five years after entry into force for the
            # State; effective on the first day of the month following twelve
            # months after the notification is received.
            denunciation=DenunciationRule(
                takes_effect=Delay(months=12, alignment=Alignment.FIRST_OF_NEXT_MONTH),
                not_before=Delay(months=60),
            ),
        ),
    )


@cache
def states() -> Universe:
    """The bundled universe of States (197 on 18 December 2014)."""
    meta = DATASETS["states"]
    return Universe(read_universe(_bundled.text(meta.name), meta.file), meta.as_of, meta.sources)


@cache
def icrmw() -> TreatyRecord:
    """The bundled record of the Migrant Workers Convention, validated.

    >>> len(icrmw().acts)
    108
    """
    meta = DATASETS["icrmw"]
    acts, participants = read_acts(_bundled.text(meta.name), meta.file)
    record = TreatyRecord(icrmw_treaty(), acts, participants, meta.as_of, meta.sources)
    validate_record(
        record, states(), locations=[f"{meta.file}, row {i + 2}" for i in range(len(acts))]
    )
    return record


def _loaders() -> dict[str, Callable[[], TreatyRecord]]:
    from . import ilo

    return {"IV-13": icrmw, "C097": ilo.c097, "C143": ilo.c143, "C189": ilo.c189}


def _key(name: str) -> str:
    """``"ILO C97"``, ``"c189"``, ``"icrmw"``, ``"iv-11-b"`` as the
    identifier they name (a UN id as :func:`~migrant_convention.formats.untc.treaty_id`
    writes it; any other text upper-cased)."""
    key = name.strip().upper().removeprefix("ILO").strip()
    if key == "ICRMW":
        return "IV-13"
    if key.startswith("C") and key[1:].isascii() and key[1:].isdigit():
        return f"C{int(key[1:]):03d}"
    return treaty_id(key)  # "IV-11-B" is "IV-11-b"


def record(treaty: str) -> TreatyRecord:
    """The bundled record of *treaty*, by its identifier.

    The UN Treaty Collection's id for a UN treaty (``"IV-13"``; also its
    short name, ``"ICRMW"``), the ILO's number for an ILO convention
    (``"C189"``; ``"C97"``, ``"ILO C097"`` and lower case also do).

    >>> record("C189").treaty.title
    'Domestic Workers Convention, 2011 (No. 189)'
    >>> record("icrmw") is icrmw()
    True

    :raises UnknownTreatyError: naming the treaties bundled.
    """
    loaders = _loaders()
    load = loaders.get(_key(treaty)) if isinstance(treaty, str) else None
    if load is None:
        found = _find(treaty)
        hint = "" if found is None else (
            f"the final clauses of {found.short_name} ({found.id}) are bundled, not its "
            "record: read its UN Treaty Collection table with them (untc.read_table)")
        raise UnknownTreatyError(str(treaty), tuple(loaders), hint)
    return load()


def records() -> dict[str, TreatyRecord]:
    """Every bundled treaty record, by identifier.

    >>> sorted(records())
    ['C097', 'C143', 'C189', 'IV-13']
    """
    return {key: load() for key, load in _loaders().items()}


def treaty(id: str) -> Treaty:
    """A treaty whose final clauses are bundled, by its identifier (as
    :func:`record` reads one: ``"IV-11"`` or ``"iv-11"``, ``"C189"`` or
    ``"c189"``) or its short name in any case (``"CRC"``).

    >>> treaty("IV-11").stated_entry_into_force.day
    datetime.date(1990, 9, 2)
    >>> treaty("crc") is treaty("iv-11"), treaty("c97").short_name
    (True, 'C097')

    :raises UnknownTreatyError: naming the treaties known.
    """
    found = _find(id)
    if found is None:
        raise UnknownTreatyError(str(id), tuple(treaties()))
    return found


def _find(id: object) -> Treaty | None:
    if not isinstance(id, str):
        return None
    known = treaties()
    key = _key(id)
    return known.get(key) or next(
        (t for t in known.values() if t.short_name.casefold() == id.strip().casefold()), None)


def treaties() -> dict[str, Treaty]:
    """Every treaty whose final clauses are bundled, by identifier: the core
    UN human-rights treaties and their protocols by UN Treaty Collection id
    (:mod:`migrant_convention.data.final_clauses`), then the ILO's
    conventions by number (:mod:`migrant_convention.data.ilo`).

    >>> len(treaties()), list(treaties())[-3:]
    (21, ['C097', 'C143', 'C189'])
    """
    from . import ilo
    from .final_clauses import treaties as every

    return {**every(), "C097": ilo.c097_treaty(), "C143": ilo.c143_treaty(),
            "C189": ilo.c189_treaty()}


# The default universe of the layers below (places.names.state_name), and the
# final clauses the UN table reader applies (formats.untc), handed down
# rather than imported up.
_bundled.provide("states", states)


def _un_treaties() -> dict[str, Treaty]:
    # Only the UN's: a UN table is known by a UN Treaty Collection id.
    from .final_clauses import treaties as every

    return dict(every())


_bundled.provide("final_clauses", _un_treaties)
