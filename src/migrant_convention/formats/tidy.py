"""Tidy tables: acts and count series as rows of plain values.

One row per act (or per date of a count series), one column per variable,
every value text, a whole number, a boolean or ``None``: a list of such dicts
loads directly into pandas (``pandas.DataFrame(rows)``), polars
(``polars.DataFrame(rows)``) or a database, and :func:`to_csv` writes it as
CSV.  The library itself needs none of them.  Days are ISO ``YYYY-MM-DD``
text; an act's date is given as written (EDTF) *and* as its earliest and latest
possible day, so imprecise dates stay honest.

>>> from datetime import date
>>> from migrant_convention import data, tidy
>>> rows = tidy.act_rows(data.icrmw())
>>> rows[0]["participant"], rows[0]["kind"], rows[0]["date"], rows[0]["latest"]
('ALB', 'accession', '2007-06-05', '2007-06-05')
>>> series = tidy.count_rows(data.icrmw(), data.states(), [date(2014, 12, 18)])
>>> series[0]["parties"], series[0]["no_action"]
(47, 131)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from .._rows import escape_cell, write_rows
from ..core.dates import ResolveLike
from ..core.record import TreatyRecord
from ..core.status import count_series
from ..core.universe import Universe

__all__ = ["ACT_FIELDS", "COUNT_FIELDS", "act_rows", "count_rows", "to_csv"]

Value = str | int | bool | None
Row = dict[str, Value]

#: The columns of :func:`act_rows`, in order.
ACT_FIELDS = (
    "treaty", "participant", "listed_as", "kind", "article", "action", "date", "earliest",
    "latest", "precision", "uncertain", "note", "sources",
)
#: The columns of :func:`count_rows`, in order.
COUNT_FIELDS = (
    "treaty", "date", "parties", "in_force", "signatories", "signatories_total",
    "former_parties", "no_action", "states",
)


def act_rows(record: TreatyRecord, *, sources_separator: str = " | ") -> list[Row]:
    """One row per act, in the record's order (columns :data:`ACT_FIELDS`).

    ``earliest`` is ``None`` for an "on or before" date, whose lower bound the
    data do not give; ``sources`` are joined with *sources_separator*.
    """
    treaty = record.treaty.id
    return [
        {
            "treaty": treaty,
            "participant": a.participant,
            "listed_as": a.listed_as,
            "kind": a.kind.value,
            "article": a.article,
            "action": a.action,
            "date": str(a.date),
            "earliest": a.date.earliest_known.isoformat() if a.date.earliest_known else None,
            "latest": a.date.latest.isoformat(),
            "precision": a.date.precision.value,
            "uncertain": a.date.uncertain,
            "note": a.note,
            "sources": sources_separator.join(a.sources),
        }
        for a in record.acts
    ]


def count_rows(
    record: TreatyRecord, universe: Universe, dates: Iterable[date], *,
    resolve: ResolveLike = "strict",
) -> list[Row]:
    """Ratification by numbers on each date, one row per date (:data:`COUNT_FIELDS`).

    :raises UndecidableError: as :func:`~migrant_convention.core.status.count_series`.
    """
    treaty = record.treaty.id
    return [{"treaty": treaty, **c.as_dict()}
            for c in count_series(record, universe, dates, resolve=resolve)]


def to_csv(rows: Sequence[Mapping[str, Value]], fields: Sequence[str] | None = None, *,
           escape_formulas: bool = False) -> str:
    """*rows* as CSV text with a header; ``None`` is an empty cell, booleans
    ``true``/``false``.

    >>> print(to_csv([{"a": 1, "b": None, "c": True}]), end="")
    a,b,c
    1,,true

    The text is written as it is, so that any CSV reader (pandas, a database,
    :mod:`csv`) reads back the same values: these rows are for programs.
    For a file to open in a spreadsheet, pass ``escape_formulas=True``: a
    cell that a spreadsheet would run as a formula (starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return, unless it is a plain
    number such as ``-5``) then gets a ``'`` before it, and so does one that
    starts with ``'``, as in every CSV file of the library's own layouts (see
    :mod:`migrant_convention._rows`).  Numbers are never changed.

    >>> print(to_csv([{"note": "=HYPERLINK(\\"x\\")", "n": -5}], escape_formulas=True), end="")
    note,n
    "'=HYPERLINK(""x"")",-5
    """
    columns = list(fields) if fields is not None else (list(rows[0]) if rows else [])
    return write_rows(columns, ([_cell(row.get(c), escape_formulas) for c in columns]
                                for row in rows), escape=False)


def _cell(value: Value, escape: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return escape_cell(value) if escape else value
