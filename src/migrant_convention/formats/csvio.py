"""Read and write treaty records and universes as CSV.

The layouts are those of the project's reference data, so a user can keep
their own treaty's record in a spreadsheet:

* acts: ``participant,iso3,action,date,note,sources`` — ``action`` is an
  :class:`~migrant_convention.core.acts.ActKind` value or ``declaration_artN``;
  ``date`` is the EDTF subset of :class:`~migrant_convention.core.dates.PartialDate`;
  ``sources`` are separated by ``" | "``; an optional last column
  ``excludes`` names the parts of the treaty an instrument of consent
  excludes (``Annex II``, ``Part I | Part II``), written only when an act
  excludes one, so that a file without exclusions keeps 0.1's layout.
* universe: ``name,iso3,iso3166_status,from_date,to_date,basis,continues,sources``.

Reading reports every problem at once, each with the file, row and field and
the offending value, in a :class:`~migrant_convention.errors.ValidationError`
(the first 1,000, then how many more there were); ``row N`` is the row that
starts on line N of the file.  A universe is checked as
:class:`~migrant_convention.core.universe.Universe` checks it
(:func:`~migrant_convention.core.universe.period_problems`: overlapping
periods of a State or of a lineage, a State continuing itself or one that has
no period), each problem naming both rows.

Writing is spreadsheet-safe: a cell that a spreadsheet would run as a formula
(``=HYPERLINK(…)``, ``+1+1``, ``@SUM(…)``, or starting with ``-``, a tab or a
carriage return, unless it is a plain number such as ``-5``) is written with a
``'`` before it, and so is a cell that starts with ``'``; reading removes one
leading ``'`` from every cell (see :mod:`migrant_convention._rows`).  Writing
what was read gives back the same rows, so a round trip is lossless, and the
bundled files rewrite byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .. import _rows
from ..core.acts import Act, parse_action
from ..core.dates import PartialDate, parse_date
from ..core.participants import Participant, ParticipantKind, check_code, is_iso_alpha3
from ..core.universe import Basis, Membership, iso3166_status_problem, period_problems
from ..errors import InvalidDateError, Problem, raise_if_problems

__all__ = [
    "ACT_COLUMNS",
    "ACT_OPTIONAL_COLUMNS",
    "UNIVERSE_COLUMNS",
    "read_acts",
    "read_universe",
    "write_acts",
    "write_universe",
]

ACT_COLUMNS = ("participant", "iso3", "action", "date", "note", "sources")
#: Columns an acts file may add: ``excludes``, the parts of the treaty an
#: instrument of consent excludes (:attr:`Act.excludes`), separated by ``" | "``.
ACT_OPTIONAL_COLUMNS = ("excludes",)
UNIVERSE_COLUMNS = (
    "name", "iso3", "iso3166_status", "from_date", "to_date", "basis", "continues", "sources",
)
_SEP = " | "

# Entities of the universe that never had an ISO 3166 code get codes of ours,
# keyed by the start of their name in the CSV.
NO_ISO_CODES = {
    "Zanzibar": "ZANZIBAR",
    "Republic of Viet-Nam": "SOUTH-VIET-NAM",
}

# The column of each Membership field that period_problems names.
_UNIVERSE_FIELD = {"code": "iso3", "name": "name", "start": "from_date", "end": "to_date",
                   "basis": "basis", "continues": "continues",
                   "iso3166_status": "iso3166_status", "sources": "sources"}

# Reading untrusted input: refuse absurd sizes before building anything.
MAX_ROWS = _rows.MAX_ROWS


def _split_sources(text: str) -> tuple[str, ...]:
    return tuple(text.split(_SEP)) if text else ()


def read_acts(text: str, source: str = "<acts>") -> tuple[tuple[Act, ...], tuple[Participant, ...]]:
    """Parse an acts CSV; return the acts and the participants they name.

    :param text: the CSV text.
    :param source: the file name, used in error messages.
    :raises ValidationError: listing every bad cell (file, row, field, value).
    """
    problems = _rows.Problems(source)
    acts: list[Act] = []
    participants: dict[str, Participant] = {}
    for read in _rows.read_rows(text, source, problems, required=ACT_COLUMNS,
                                optional=ACT_OPTIONAL_COLUMNS, max_rows=MAX_ROWS, unescape=True):
        where, row, ok = read.where, read.cells, read.complete
        code = row["iso3"].strip()
        name = row["participant"].strip()
        if not name:
            problems.append(Problem(f"{where}, field 'participant'", row["participant"],
                                    "a participant name is required", "missing-value"))
            ok = False
        kind = ParticipantKind.STATE
        if len(code) == 3 and not is_iso_alpha3(code):
            if is_iso_alpha3(code, historic=True):
                kind = ParticipantKind.FORMER_STATE
            else:
                problems.append(Problem(f"{where}, field 'iso3'", code,
                                        "not an ISO 3166 alpha-3 code, current or withdrawn",
                                        "unknown-participant"))
                ok = False
        elif len(code) != 3:
            kind = ParticipantKind.ORGANIZATION
            why = check_code(code, kind)
            if why is not None:
                problems.append(Problem(f"{where}, field 'iso3'", code, why,
                                        "unknown-participant"))
                ok = False
        try:
            act_kind, article = parse_action(row["action"].strip())
        except ValueError as exc:
            problems.append(Problem(f"{where}, field 'action'", row["action"], str(exc),
                                    "unknown-kind"))
            ok = False
        try:
            when = PartialDate.parse(row["date"])
        except InvalidDateError as exc:
            problems.append(Problem(f"{where}, field 'date'", row["date"],
                                    exc.reason or "malformed date", "bad-date"))
            ok = False
        if not ok:
            continue
        acts.append(Act(code, act_kind, when, article, _split_sources(row["sources"]),
                        row["note"], name, _split_sources(row.get("excludes", ""))))
        if code not in participants:
            participants[code] = Participant(code, name, kind)
        elif participants[code].name != name and name not in participants[code].former_names:
            old = participants[code]
            participants[code] = Participant(code, old.name, old.kind, (*old.former_names, name))
    raise_if_problems(f"invalid acts in {source}", problems.listed())
    return tuple(acts), tuple(participants.values())


def write_acts(acts: Iterable[Act]) -> str:
    """Write acts in the layout :func:`read_acts` reads (spreadsheet-safe: see
    the module's docstring)."""
    acts = list(acts)
    # The excludes column only when an act excludes a part: a file without
    # exclusions is written as 0.1 wrote it.
    extra = any(a.excludes for a in acts)
    return _rows.write_rows((*ACT_COLUMNS, *ACT_OPTIONAL_COLUMNS) if extra else ACT_COLUMNS, (
        [a.listed_as or a.participant, a.participant, a.action, str(a.date), a.note,
         _SEP.join(a.sources), *([_SEP.join(a.excludes)] if extra else [])]
        for a in acts))


def _code_for(row: dict[str, str]) -> str | None:
    code = row["iso3"].strip()
    if code:
        return code
    for prefix, own in NO_ISO_CODES.items():
        if row["name"].startswith(prefix):
            return own
    return None


def read_universe(text: str, source: str = "<universe>") -> tuple[Membership, ...]:
    """Parse a universe CSV into membership periods.

    :raises ValidationError: listing every bad cell (file, row, field, value).
    """
    problems = _rows.Problems(source)
    periods: list[Membership] = []
    period_lines: list[int] = []  # the row of each period
    failed: list[tuple[str, str]] = []  # where and "continues" of rows that are no period
    unreadable: set[str] = set()  # codes of rows that are no period (already reported)
    # Read row by row, so that each row's problems follow its own shape problems.
    for read in _rows.read_rows(text, source, problems, required=UNIVERSE_COLUMNS,
                                max_rows=MAX_ROWS, unescape=True):
        line, where, row, ok = read
        code = _code_for(row)
        status = row["iso3166_status"].strip()
        if code is None:
            problems.append(Problem(f"{where}, field 'iso3'", row["iso3"],
                                    "no code, and no code of ours for this name", "missing-value"))
            ok = False
        else:
            kind = ParticipantKind.STATE if status == "current" else ParticipantKind.FORMER_STATE
            why = check_code(code, kind)
            if why is not None:
                problems.append(Problem(f"{where}, field 'iso3'", code, why,
                                        "unknown-participant"))
                ok = False
        bad_status = iso3166_status_problem(status)
        if bad_status is not None:
            problems.append(Problem(f"{where}, field 'iso3166_status'", status, bad_status,
                                    "bad-value"))
            ok = False
        start: date | None = None
        end: date | None = None
        try:
            start = parse_date(row["from_date"])
        except InvalidDateError as exc:
            problems.append(Problem(f"{where}, field 'from_date'", row["from_date"],
                                    exc.reason, "bad-date"))
            ok = False
        if row["to_date"].strip():
            try:
                end = parse_date(row["to_date"])
            except InvalidDateError as exc:
                problems.append(Problem(f"{where}, field 'to_date'", row["to_date"],
                                        exc.reason, "bad-date"))
                ok = False
        if start and end and end < start:
            problems.append(Problem(f"{where}, field 'to_date'", row["to_date"],
                                    f"ends before it starts ({start})", "bad-range"))
            ok = False
        try:
            basis = Basis(row["basis"].strip())
        except ValueError:
            problems.append(Problem(f"{where}, field 'basis'", row["basis"],
                                    "expected un_member or non_member_state", "bad-value"))
            ok = False
        if not ok or code is None or start is None:
            if code is not None:
                unreadable.add(code)
            if row["continues"].strip():
                failed.append((where, row["continues"].strip()))
            continue
        periods.append(Membership(code, row["name"], start, end, basis,
                                  row["continues"].strip() or None, status,
                                  _split_sources(row["sources"])))
        period_lines.append(line)
    # A row that is no period is still checked for what it continues.
    codes = {p.code for p in periods}
    for where, cont in failed:
        if cont not in codes and cont not in unreadable:
            problems.append(Problem(f"{where}, field 'continues'", cont,
                                    "continues a State that has no period", "unknown-participant"))
    # What makes the periods a universe is checked where Universe checks it.
    problems.extend(period_problems(
        periods, [f"row {line}" for line in period_lines],
        field=lambda at, name: f"{source}, {at}, field {_UNIVERSE_FIELD[name]!r}",
        unreadable=unreadable))
    raise_if_problems(f"invalid universe in {source}", problems.listed())
    return tuple(periods)


def write_universe(periods: Iterable[Membership]) -> str:
    """Write periods in the layout :func:`read_universe` reads (spreadsheet-safe:
    see the module's docstring)."""
    own = {v: k for k, v in NO_ISO_CODES.items()}
    return _rows.write_rows(UNIVERSE_COLUMNS, (
        [p.name, "" if p.code in own else p.code, p.iso3166_status, p.start.isoformat(),
         p.end.isoformat() if p.end else "", p.basis.value, p.continues or "",
         _SEP.join(p.sources)]
        for p in periods))
