"""Read the UN Treaty Collection's own status tables.

A status table has a ``Participant`` column, then one column per group of act
kinds; its header names the kinds and the mark that tells them apart, e.g.
``"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"``.
A cell ``13 May 2009 a`` in that column is an accession; an unmarked date is
a ratification (the one kind listed without a mark).  The marks are read from
each header, so any mark a header defines (``s``, ``c``, ``P``, ``n``, ``p``,
``C``...) is understood, and a mark it does not define is an error.

Participants are looked up by name (:func:`lookup_participant`, from
:mod:`migrant_convention.places.names`) in a bundled table of the UN's names,
current and former (``"Cape Verde"`` and ``"Cabo Verde"`` are both CPV), of
States that no longer exist (``"Czechoslovakia"``: CSK) and of non-State
participants (``"European Union"``: ORG-EU; ``"Hong Kong"``: HKG).  A name not
in the table is reported, never guessed: there is no fuzzy matching.

Every non-empty cell becomes an :class:`~migrant_convention.core.acts.Act` or a
:class:`~migrant_convention.errors.Problem` naming the file, row, column and
text: :func:`parse_table` returns both; :func:`read_table` returns the record
or raises every problem at once.  At most 1,000 problems of each kind (the
table's, the cells', the record's) are kept; the rest are counted.

The record read is then checked as
:func:`~migrant_convention.core.validate.validate_record` checks a record (a
second consent by one State, an act before the treaty's adoption or outside
the universe given, a denunciation without a consent...), each problem located
at the cell of the act: pass ``validate=False`` for the raw record.

The treaty's rules are not in the table.  Pass your :class:`Treaty`; without
one the record gets a :func:`deposit_only_treaty`, good for counts of
signatories and parties by deposit (its "in force" figures mean nothing).

>>> from migrant_convention import untc
>>> text = '''Participant,"Signature, Succession to signature(d)","Ratification, Accession(a)"
... Cape Verde,,16 Sep 1997 a
... Montenegro,23 Oct 2006 d,
... Mexico,22 May 1991,8 Mar 1999
... '''
>>> record = untc.read_table(text, "example.csv")
>>> [(a.participant, a.kind.value, str(a.date)) for a in record.acts]
... # doctest: +NORMALIZE_WHITESPACE
[('CPV', 'accession', '1997-09-16'), ('MNE', 'succession_to_signature', '2006-10-23'),
 ('MEX', 'signature', '1991-05-22'), ('MEX', 'ratification', '1999-03-08')]
>>> untc.lookup_participant("The former Yugoslav Republic of Macedonia").code
'MKD'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from .._bundled import dataset
from .._rows import MAX_PROBLEMS, Problems, read_records
from ..core.acts import Act, ActKind
from ..core.dates import FIRST_DAY, LAST_DAY, PartialDate
from ..core.participants import Participant
from ..core.record import TreatyRecord
from ..core.treaty import Rules, Treaty
from ..core.universe import Universe
from ..core.validate import problems as record_problems
from ..errors import Problem, UnknownParticipantError, raise_if_problems
from ..places.names import lookup_participant, participant_names

__all__ = [
    "Column",
    "UntcReading",
    "deposit_only_treaty",
    "lookup_participant",
    "parse_column",
    "parse_table",
    "participant_names",
    "read_table",
    "treaty_id",
]

#: The bundled table of UN names (:func:`participant_names`).
NAMES_FILE = dataset("untc_names").file
SOURCE = "UN Treaty Collection status table"
#: Refuse tables longer than this many characters.
MAX_CHARS = 20_000_000


# A footnote marker after a name: "Germany 3", "Germany3, 4".  Names of States
# never end in digits, so this strips nothing that belongs to a name.
_NAME_FOOTNOTE = re.compile(r"^(.*?[^\d\s,])\s*(\d{1,3}(?:\s*,\s*\d{1,3})*)$", re.ASCII)


def _participant_of(name: str) -> tuple[Participant, str, tuple[str, ...]]:
    """(participant, name without footnotes, footnotes) or raise."""
    clean = " ".join(name.split())
    try:
        return lookup_participant(clean), clean, ()
    except UnknownParticipantError:
        m = _NAME_FOOTNOTE.match(clean)
        if m is None:
            raise
        found = lookup_participant(m.group(1))  # raises if still unknown
        return found, m.group(1), tuple(n.strip() for n in m.group(2).split(","))


# -- headers ---------------------------------------------------------------------------

_KIND_OF_LABEL: tuple[tuple[str, ActKind | None], ...] = (
    # Most specific first; a label names a kind when it starts with the words.
    ("succession to signature", ActKind.SUCCESSION_TO_SIGNATURE),
    ("confirmation of signature", None),  # definitive or not depends on the treaty
    ("definitive signature or", None),    # two kinds in one label
    ("definitive signature", ActKind.DEFINITIVE_SIGNATURE),
    ("signature", ActKind.SIGNATURE),     # incl. "ad referendum", "by non-regional members"
    ("ratification", ActKind.RATIFICATION),
    ("accession", ActKind.ACCESSION),
    ("succession", ActKind.SUCCESSION),
    ("definitive acceptance", ActKind.ACCEPTANCE),
    ("provisional acceptance", None),
    ("acceptance", ActKind.ACCEPTANCE),   # incl. "ipso facto by virtue of article 10"
    ("approval", ActKind.APPROVAL),
    ("formal confirmation", ActKind.FORMAL_CONFIRMATION),
    ("consent to be bound", ActKind.CONSENT_TO_BE_BOUND),
    # The simplified procedure (e.g. art. 5 of the Part XI Agreement, XXI-6-a)
    # and "participation" make the participant bound: consent to be bound.
    ("simplified procedure", ActKind.CONSENT_TO_BE_BOUND),
    ("participation", ActKind.CONSENT_TO_BE_BOUND),
    ("provisional application", ActKind.PROVISIONAL_APPLICATION),
    ("undertaking of provisional application", ActKind.PROVISIONAL_APPLICATION),
)

_ITEM = re.compile(r"^(?P<label>.*?)\s*\((?P<mark>[A-Za-z]{1,3})\)$")
# Items are separated by a comma and a capital: "Participation ... by virtue of
# ratification, accession or succession ..." is one item.
_SPLIT = re.compile(r",\s*(?=[A-Z])")


def kind_of_label(label: str) -> ActKind | None:
    """The act kind a header label names, or ``None`` if none this library models.

    >>> kind_of_label("Accession to the Convention as amended")
    <ActKind.ACCESSION: 'accession'>
    >>> kind_of_label("UNTS Volume") is None
    True
    """
    low = " ".join(label.split()).casefold()
    for words, kind in _KIND_OF_LABEL:
        if low == words or low.startswith((words + " ", words + "/")):
            return kind
    return None


@attrs.frozen
class Column:
    """What one header says: the unmarked kind and the kind of each mark.

    :ivar header: the header as written.
    :ivar unmarked: labels listed without a mark (normally one).
    :ivar marks: each mark and the labels it is defined for (normally one).
    """

    header: str
    unmarked: tuple[str, ...]
    marks: Mapping[str, tuple[str, ...]]

    def kind(self, mark: str | None) -> tuple[ActKind, str] | str:
        """The kind (and label) of a cell with *mark*, or why there is none."""
        labels = self.unmarked if mark is None else self.marks.get(mark, ())
        if not labels:
            if mark is None:
                return f"the header {self.header!r} gives no kind for an unmarked date"
            return f"the header {self.header!r} does not define the mark {mark!r}"
        kinds = {kind_of_label(label) for label in labels}
        if len(kinds) > 1:
            which = "an unmarked date" if mark is None else f"the mark {mark!r}"
            return f"the header {self.header!r} gives several kinds for {which}: {labels}"
        kind = kinds.pop()
        if kind is None:
            return f"{labels[0]!r} is not a kind of act this library models"
        return kind, " / ".join(labels)


def parse_column(header: str) -> Column:
    """Read one column header.

    >>> c = parse_column("Ratification, Acceptance(A), Approval(AA), Accession(a)")
    >>> c.unmarked, dict(c.marks)
    (('Ratification',), {'A': ('Acceptance',), 'AA': ('Approval',), 'a': ('Accession',)})
    """
    unmarked: list[str] = []
    marks: dict[str, list[str]] = {}
    for item in _SPLIT.split(" ".join(header.split())):
        m = _ITEM.match(item.strip())
        # "(1) (b)" cites a subparagraph; a mark never follows "(n) ".
        if m is None or re.search(r"\(\d+\)\s+\([a-z]\)$", item):
            unmarked.append(item.strip())
        else:
            marks.setdefault(m.group("mark"), []).append(m.group("label"))
    return Column(header, tuple(unmarked), {k: tuple(v) for k, v in marks.items()})


# -- cells ------------------------------------------------------------------------------

_MONTHS = {
    name: i + 1
    for i, names in enumerate([
        ("Jan", "January"), ("Feb", "February"), ("Mar", "March"), ("Apr", "April"),
        ("May",), ("Jun", "June"), ("Jul", "July"), ("Aug", "August"),
        ("Sep", "Sept", "September"), ("Oct", "October"), ("Nov", "November"),
        ("Dec", "December"),
    ])
    for name in names
}
# ASCII: \d would take any script's digits ("１ Jan 2000"), and int() reads them.
_CELL = re.compile(
    r"^(?P<day>\d{1,2}) (?P<month>[A-Za-z]+)\.? (?P<year>\d{4})"
    r"(?:\s+(?P<mark>[A-Za-z]{1,3}))?"
    r"(?:\s*(?P<notes>\d{1,3}(?:\s*,\s*\d{1,3})*))?$", re.ASCII
)


def _parse_cell(text: str) -> tuple[date, str | None, tuple[str, ...]] | tuple[str, str]:
    """(day, mark, footnotes) or (error code, message)."""
    m = _CELL.match(" ".join(text.split()))
    if m is None:
        return "not-a-date", "not a date in the form '13 May 2009', optionally marked ('a')"
    month = _MONTHS.get(m.group("month"))
    if month is None:
        return "bad-date", f"unknown month {m.group('month')!r}"
    try:
        day = date(int(m.group("year")), month, int(m.group("day")))
    except ValueError as exc:
        return "bad-date", str(exc)
    if not FIRST_DAY <= day <= LAST_DAY:
        return "bad-date", f"outside the supported range {FIRST_DAY} to {LAST_DAY}"
    notes = tuple(n.strip() for n in m.group("notes").split(",")) if m.group("notes") else ()
    return day, m.group("mark"), notes


# -- tables ------------------------------------------------------------------------------

@attrs.frozen
class UntcReading:
    """What :func:`parse_table` found.

    ``cells == len(record.acts) + len(problems)``: every non-empty cell is an
    act or a problem.

    :ivar record: the acts read, with the treaty given (or a deposit-only one).
    :ivar locations: where each act came from (file, row, column).
    :ivar problems: one per non-empty cell that is not an act.
    :ivar table_problems: problems of the table itself (its CSV, header, names of rows
        without any act), not of a cell.
    :ivar cells: how many non-empty cells there are besides participant names.
    :ivar record_problems: what :func:`~migrant_convention.core.validate.problems`
        finds in the record (empty with ``validate=False``), located at the
        acts' cells.
    :ivar unlisted: how many problems were found beyond the first
        :data:`~migrant_convention._rows.MAX_PROBLEMS` of each kind and not
        kept: ``cells == len(record.acts) + len(problems)`` when no cell
        problem is unlisted.
    """

    record: TreatyRecord
    locations: tuple[str, ...]
    problems: tuple[Problem, ...]
    table_problems: tuple[Problem, ...]
    cells: int
    record_problems: tuple[Problem, ...] = ()
    unlisted: int = 0

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """The table's problems, the cells', the record's, then, if some were
        not kept, one saying how many."""
        found = self.table_problems + self.problems + self.record_problems
        if not self.unlisted:
            return found
        source = self.record.sources[0].removeprefix(f"{SOURCE} ") if self.record.sources else ""
        return (*found, Problem(
            source, self.unlisted,
            f"{self.unlisted} more problem{'s' if self.unlisted != 1 else ''} not listed: only "
            f"the first {MAX_PROBLEMS} of each kind are kept", "too-many-problems"))


def deposit_only_treaty(id: str, title: str = "", *, adopted: date = date(1945, 1, 1)) -> Treaty:
    """A treaty whose rules are not known: for counts by deposit only.

    Every consent kind is accepted and none needs a signature.  The
    entry-into-force rule is unknown (``None``): parties are counted by their
    deposits, nobody is counted "in force", and asking for the treaty's entry
    into force raises :class:`~migrant_convention.errors.UnknownRuleError`
    rather than inventing a date.  *adopted* (a placeholder when the adoption
    is not known) bounds the acts from below.
    """
    return Treaty(
        id=id, title=title, short_name=id, adopted=adopted, opened_for_signature=adopted,
        depositary="", rules=Rules(None, requires_signature=frozenset()),
    )


def treaty_id(file_name: str) -> str:
    """The UN Treaty Collection number of a table file: ``4-13.csv`` is ``IV-13``.

    >>> treaty_id("4-13.csv"), treaty_id("10-11-a.csv"), treaty_id("x.csv")
    ('IV-13', 'X-11-a', 'x')
    >>> treaty_id("4-13.CSV")  # the extension in any case
    'IV-13'
    """
    stem = file_name.rsplit("/", 1)[-1]
    if stem[-4:].lower() == ".csv":
        stem = stem[:-4]
    chapter, _, rest = stem.partition("-")
    if not chapter.isdigit() or not rest or not 1 <= int(chapter) <= 39:
        return stem
    n = int(chapter)
    roman = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            roman, n = roman + letters, n - value
    return f"{roman}-{rest}"


def _note(label: str, kind: ActKind, footnotes: Sequence[str]) -> str:
    parts = []
    if " ".join(label.split()).casefold() != kind.value.replace("_", " "):
        parts.append(f"listed as {label!r}")
    if footnotes:
        parts.append(f"table footnote(s) {', '.join(footnotes)}")
    return "; ".join(parts)


def parse_table(
    text: str, source: str = "<table>", *, treaty: Treaty | None = None,
    as_of: date | None = None, universe: Universe | None = None, validate: bool = True,
) -> UntcReading:
    """Read a status table, keeping every act and every problem (up to 1,000
    of each kind: see :attr:`UntcReading.unlisted`).

    :param text: the table as CSV text (first column ``Participant``).
    :param source: the file name, used in locations and the acts' sources.
    :param treaty: the treaty and its rules; default :func:`deposit_only_treaty`.
    :param as_of: the day the table was published or scraped, if known.
    :param universe: the States, if the acts are to be checked against them
        (:func:`~migrant_convention.core.validate.problems`).
    :param validate: check the record read (:attr:`UntcReading.record_problems`);
        ``False`` for the raw record.
    """
    table_problems = Problems(source)
    problems = Problems(source)
    if len(text) > MAX_CHARS:
        table_problems.append(Problem(source, f"{len(text)} characters",
                                      f"larger than the limit of {MAX_CHARS}", "too-large"))
        text = ""
    # The one row reader: a byte-order mark is not data, a blank line is not a
    # row, and row N starts on line N.  Its problems are the table's.
    records = read_records(text, source, table_problems)
    first = next(records, None)
    header = first.cells if first is not None and first.ok else []
    if not table_problems and (not header or header[0].strip() != "Participant"):
        table_problems.append(Problem(f"{source}, row {first.line if first else 1}, column 1",
                                      header[0] if header else "",
                                      "the first column must be 'Participant'", "bad-header"))
    columns = [parse_column(h) for h in header[1:]]
    acts: list[Act] = []
    locations: list[str] = []
    participants: dict[str, Participant] = {}
    cells = 0
    for line, row, ok in records:
        if not ok:
            continue  # reported by the reader
        name = row[0] if row else ""
        filled = [(i, c) for i, c in enumerate(row[1:], start=1) if c.strip()]
        cells += len(filled)
        who: tuple[Participant, str, tuple[str, ...]] | None = None
        name_problem: tuple[str, str] | None = None
        if not name.strip():
            name_problem = ("missing-value", "the row has no participant name")
        else:
            try:
                who = _participant_of(name)
            except UnknownParticipantError:
                name_problem = ("unknown-participant",
                                f"participant {name!r} is not in the name table")
        if name_problem and not filled:
            table_problems.append(Problem(f"{source}, row {line}, column 'Participant'", name,
                                          name_problem[1], name_problem[0]))
        for i, cell in filled:
            head = header[i] if i < len(header) else f"#{i + 1}"
            where = f"{source}, row {line}, column {head!r}"
            if name_problem:
                problems.append(Problem(where, cell, name_problem[1], name_problem[0]))
                continue
            assert who is not None
            if i > len(columns):
                problems.append(Problem(where, cell, "a cell beyond the last column",
                                        "extra-cells"))
                continue
            parsed = _parse_cell(cell)
            column = columns[i - 1]
            if len(parsed) == 2:
                code, message = parsed
                problems.append(Problem(where, cell, message, code))
                continue
            day, mark, cell_notes = parsed
            kind = column.kind(mark)
            if isinstance(kind, str):
                problems.append(Problem(where, cell, kind,
                                        "unknown-mark" if mark is not None and
                                        mark not in column.marks else "unknown-kind"))
                continue
            participant, listed, name_notes = who
            act_kind, label = kind
            acts.append(Act(participant.code, act_kind, PartialDate.day(day), None,
                            (f"{SOURCE} {source}",),
                            _note(label, act_kind, (*name_notes, *cell_notes)), listed))
            locations.append(where)
            known = participants.get(participant.code)
            if known is None:
                participants[participant.code] = attrs.evolve(participant, name=listed)
            elif listed != known.name and listed not in known.former_names:
                participants[participant.code] = attrs.evolve(
                    known, former_names=(*known.former_names, listed))
    if treaty is None:
        earliest = min((a.date.latest for a in acts), default=date(1945, 1, 1))
        treaty = deposit_only_treaty(treaty_id(source), adopted=min(earliest, date(1945, 1, 1)))
    record = TreatyRecord(treaty, acts, tuple(participants.values()), as_of,
                          (f"{SOURCE} {source}",))
    checked: list[Problem] = []
    if validate:
        checked = record_problems(record, universe, locations=locations)
    unlisted = table_problems.more + problems.more + max(0, len(checked) - MAX_PROBLEMS)
    return UntcReading(record, tuple(locations), tuple(problems), tuple(table_problems), cells,
                       tuple(checked[:MAX_PROBLEMS]), unlisted)


def read_table(
    text: str, source: str = "<table>", *, treaty: Treaty | None = None,
    as_of: date | None = None, universe: Universe | None = None, validate: bool = True,
) -> TreatyRecord:
    """Read a status table into a record (see :func:`parse_table`), checked as
    :func:`~migrant_convention.core.validate.validate_record` checks one
    (against *universe* if given) unless *validate* is false.

    :raises ValidationError: listing every problem (file, row, column, text).
    """
    reading = parse_table(text, source, treaty=treaty, as_of=as_of, universe=universe,
                          validate=validate)
    raise_if_problems(f"invalid UN Treaty Collection table {source}", reading.all_problems)
    return reading.record
