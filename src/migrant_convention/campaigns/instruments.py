"""A campaign's instruments side by side: each State's status under each.

Migrant-rights campaigns track the UN Migrant Workers Convention together with
the ILO's migrant-worker conventions (C097, C143, C189).  :func:`side_by_side`
answers, for one date, each State's status under each instrument, the counts
of each, and the States party to all of them or to none.  It takes the
records, so any set of treaties can be compared; the campaign's four are
``migrant_convention.data.record("IV-13")``, ``("C097")``, ``("C143")`` and
``("C189")`` (see :data:`CAMPAIGN_INSTRUMENTS`).

An answer that depends on a date known only to the year (many ILO
registrations are) is never guessed under the default strict policy: that
State's cell is ``None`` (undecidable) and, if the instrument's counts depend
on it, so are its counts, with the reason kept.

Why the records are arguments: this module is in the ``campaigns`` layer,
which sits below ``formats`` and ``data`` (``tests/test_layering.py``;
``docs/explanation/architecture.md``), so it may not load the bundled
records itself.  The command line (``instruments``) and the documentation
pass the bundled ones; :data:`CAMPAIGN_INSTRUMENTS` only names them.  For the
same reason the tidy rows below follow the conventions of
:mod:`migrant_convention.formats.tidy` (plain values, ISO days, ``None`` for
what is not known, the column names ``treaty``, ``date``, ``participant`` and
those of :meth:`Counts.as_dict`) without importing it; pass them to
:func:`migrant_convention.formats.tidy.to_csv` for CSV.

>>> from datetime import date
>>> from migrant_convention import data
>>> records = {i: data.record(i) for i in CAMPAIGN_INSTRUMENTS}
>>> table = side_by_side(records, data.states(), date(2025, 1, 1))
>>> [table.counts[i].parties for i in table.instruments]
[60, 54, 29, 36]
>>> table.row("PHL").statuses[:2]
(<Status.PARTY_IN_FORCE: 'party_in_force'>, <Status.PARTY_IN_FORCE: 'party_in_force'>)
>>> len(table.party_to_all) <= min(c.parties for c in table.counts.values())
True

Rows for a data frame: wide (one per State), long (one per State and
instrument) and the counts (one per instrument):

>>> table.tidy()[0]
{'code': 'AFG', 'name': 'Afghanistan', 'IV-13': 'no_action', 'C097': 'no_action', \
'C143': 'no_action', 'C189': 'no_action'}
>>> [r for r in table.status_rows() if r["participant"] == "SWE"][2]
{'treaty': 'C143', 'date': '2025-01-01', 'participant': 'SWE', 'name': 'Sweden', \
'status': 'party_in_force', 'party': True}
>>> table.count_rows()[3]["parties"]
36
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from ..core.dates import ResolveLike
from ..core.record import TreatyRecord
from ..core.status import counts, status, statuses
from ..core.status_types import Counts, Status
from ..core.universe import Universe
from ..errors import UndecidableError

__all__ = ["CAMPAIGN_INSTRUMENTS", "COUNT_FIELDS", "STATUS_FIELDS", "SideBySide", "StateRow",
           "side_by_side"]

#: The instruments the Step It Up campaign promoted, by the identifiers
#: :func:`migrant_convention.data.record` knows.
CAMPAIGN_INSTRUMENTS = ("IV-13", "C097", "C143", "C189")

_PARTY = frozenset({Status.PARTY, Status.PARTY_IN_FORCE})

#: A tidy row's value, as in :mod:`migrant_convention.formats.tidy`.
Value = str | int | bool | None
#: The columns of :meth:`SideBySide.status_rows`, in order.
STATUS_FIELDS = ("treaty", "date", "participant", "name", "status", "party")
#: The columns of :meth:`SideBySide.count_rows`, in order (those of
#: :data:`migrant_convention.formats.tidy.COUNT_FIELDS`).
COUNT_FIELDS = ("treaty", "date", "parties", "in_force", "signatories", "signatories_total",
                "former_parties", "no_action", "states")


@attrs.frozen
class StateRow:
    """One State's status under each instrument (``None``: undecidable)."""

    code: str
    name: str
    statuses: tuple[Status | None, ...]


@attrs.frozen
class SideBySide:
    """Each State's status under each instrument on one date.

    :ivar on: the date.
    :ivar instruments: the instruments' identifiers, in the order asked.
    :ivar rows: one per State of the universe on that date, by code.
    :ivar counts: each instrument's counts, or ``None`` if undecidable.
    :ivar undecidable: why, for each instrument whose counts are undecidable.
    :ivar depends_on: for each of those instruments, the acts whose imprecise
        dates the counts depend on (``"GBR ratification dated [..2023-10-26]"``).
    :ivar party_to_all: States party (in force or not) to every instrument.
    :ivar party_to_none: States party to none of them.  A State with an
        undecidable cell is in either list only if its decided cells settle it.
    """

    on: date
    instruments: tuple[str, ...]
    rows: tuple[StateRow, ...]
    counts: Mapping[str, Counts | None]
    undecidable: Mapping[str, str]
    party_to_all: tuple[str, ...]
    party_to_none: tuple[str, ...]
    depends_on: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    def row(self, code: str) -> StateRow:
        """The row of the State *code*.

        :raises KeyError: if it is not a State of the universe on :attr:`on`.
        """
        for r in self.rows:
            if r.code == code:
                return r
        raise KeyError(code)

    def tidy(self) -> list[dict[str, str | None]]:
        """One dict per State (wide): ``code``, ``name``, then each
        instrument's status value (``None`` when undecidable), for a data
        frame or CSV."""
        return [{"code": r.code, "name": r.name,
                 **{i: (s.value if s is not None else None)
                    for i, s in zip(self.instruments, r.statuses, strict=True)}}
                for r in self.rows]

    def status_rows(self) -> list[dict[str, Value]]:
        """One dict per State and instrument (long), States in code order,
        instruments in the order asked; columns :data:`STATUS_FIELDS`.

        ``status`` is the status's value and ``party`` whether it is
        :attr:`~Status.PARTY` or :attr:`~Status.PARTY_IN_FORCE`; both are
        ``None`` when undecidable.
        """
        day = self.on.isoformat()
        return [{"treaty": i, "date": day, "participant": r.code, "name": r.name,
                 "status": s.value if s is not None else None,
                 "party": (s in _PARTY) if s is not None else None}
                for r in self.rows
                for i, s in zip(self.instruments, r.statuses, strict=True)]

    def count_rows(self) -> list[dict[str, Value]]:
        """One dict per instrument, in the order asked; columns
        :data:`COUNT_FIELDS`, as :func:`migrant_convention.formats.tidy.count_rows`
        gives them.  An instrument whose counts are undecidable has ``None``
        for each figure (its reason is in :attr:`undecidable`); ``date`` and
        ``states`` are always known."""
        out: list[dict[str, Value]] = []
        for i in self.instruments:
            c = self.counts[i]
            if c is not None:
                out.append({"treaty": i, **c.as_dict()})
            else:
                out.append({"treaty": i, "date": self.on.isoformat(),
                            **dict.fromkeys(COUNT_FIELDS[2:-1]), "states": len(self.rows)})
        return out


def side_by_side(records: Mapping[str, TreatyRecord], universe: Universe, on: date, *,
                 resolve: ResolveLike = "strict") -> SideBySide:
    """Each State's status under each of *records* (by identifier) on *on*.

    :raises ValueError: if *records* is empty.
    """
    if not records:
        raise ValueError("name at least one instrument")
    ids = tuple(records)
    codes = sorted(universe.members(on))
    by_instrument: dict[str, dict[str, Status | None]] = {}
    all_counts: dict[str, Counts | None] = {}
    why: dict[str, str] = {}
    acts: dict[str, tuple[str, ...]] = {}
    for i, record in records.items():
        try:
            by_instrument[i] = dict(statuses(record, universe, on, resolve=resolve))
        except UndecidableError:
            # Some State's status depends on an imprecise date: ask State by
            # State, and leave only those undecidable.
            cells: dict[str, Status | None] = {}
            for code in codes:
                try:
                    cells[code] = status(record, universe, code, on, resolve=resolve)
                except UndecidableError:
                    cells[code] = None
            by_instrument[i] = cells
        try:
            all_counts[i] = counts(record, universe, on, resolve=resolve)
        except UndecidableError as exc:
            all_counts[i] = None
            why[i] = str(exc)
            acts[i] = tuple(dict.fromkeys(f"{what} dated {d}" for what, d in exc.acts))
    rows = []
    to_all, to_none = [], []
    for code in codes:
        cells_ = tuple(by_instrument[i].get(code, Status.NO_ACTION) for i in ids)
        rows.append(StateRow(code, universe.name(code), cells_))
        known = [s for s in cells_ if s is not None]
        if len(known) == len(cells_) and all(s in _PARTY for s in known):
            to_all.append(code)
        if len(known) == len(cells_) and not any(s in _PARTY for s in known):
            to_none.append(code)
    return SideBySide(on, ids, tuple(rows), all_counts, why, tuple(to_all), tuple(to_none),
                      acts)
