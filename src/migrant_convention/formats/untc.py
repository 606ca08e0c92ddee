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

The treaty's rules are not in the table.  A table of a treaty whose final
clauses are bundled (the core UN human-rights treaties and their protocols,
by the UN Treaty Collection id of the file name: ``4-11.csv`` is the CRC's,
:func:`bundled_treaty`) is read with them, so its entry into force and "in
force" counts are known; for any other, pass your :class:`Treaty`, or the
record gets a :func:`deposit_only_treaty`, good for counts of signatories
and parties by deposit (nobody is counted "in force").

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

import csv
import functools
import os
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal, overload

import attrs

from .. import _bundled
from .._bundled import dataset
from .._rows import MAX_PROBLEMS, Problems, read_records
from ..core.acts import Act, ActKind
from ..core.dates import FIRST_DAY, LAST_DAY, PartialDate
from ..core.participants import Participant
from ..core.record import TreatyRecord
from ..core.treaty import Rules, Treaty
from ..core.universe import Universe
from ..core.validate import notices as record_notices
from ..core.validate import problems as record_problems
from ..errors import Problem, UnknownParticipantError, raise_if_problems
from ..places.names import lookup_participant, participant_names

__all__ = [
    "CellKind",
    "Column",
    "UntcReading",
    "article_of_label",
    "bundled_treaty",
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
    # Confirmed, a signature ad referendum is a full signature (Vienna
    # Convention, art. 12(2)(b)); its confirmation changes no status, except
    # in a column of definitive signatures (see Column.kind).
    ("confirmation of signature", ActKind.CONFIRMATION_OF_SIGNATURE),
    # "Definitive signature or participation in the Convention and the
    # Protocol" (XVIII-2), "Definitive signature or acceptance of the Protocol"
    # (XIII-2): two kinds of consent in one label, the table does not say which.
    ("definitive signature or", ActKind.CONSENT_TO_BE_BOUND),
    ("definitive signature", ActKind.DEFINITIVE_SIGNATURE),
    ("signature ad referendum", ActKind.SIGNATURE_AD_REFERENDUM),
    ("signature", ActKind.SIGNATURE),     # incl. "by non-regional members"
    ("ratification", ActKind.RATIFICATION),
    ("accession", ActKind.ACCESSION),
    ("succession", ActKind.SUCCESSION),
    ("definitive acceptance", ActKind.ACCEPTANCE),
    # "Provisional acceptance/accession" (XIX-34) says one or the other.
    ("provisional acceptance", ActKind.PROVISIONAL_ACCEPTANCE),
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
    # "Notification in respect of the Agreement as amended(d)" (VI-3, VI-9):
    # the UN's mark for a succession, by successor States of French Indochina.
    ("notification in respect of", ActKind.SUCCESSION),
    ("notification", ActKind.NOTIFICATION),  # "under article 25", "of non-provisional..."
    ("application", ActKind.APPLICATION),
)
# Labels that name more than one kind: the reader says so in the act's note.
_ONE_OF = (
    ("definitive signature or", "a definitive signature or another consent to be bound"),
    ("provisional acceptance/accession", "a provisional acceptance or accession"),
)

_ITEM = re.compile(r"^(?P<label>.*?)\s*\((?P<mark>[A-Za-z]{1,3})\)$")
# Items are separated by a comma and a capital: "Participation ... by virtue of
# ratification, accession or succession ..." is one item.
_SPLIT = re.compile(r",\s*(?=[A-Z])")
# "under article 25", "under article 7 (1) (b)": the article of a notification.
_UNDER_ARTICLE = re.compile(r"\bunder article\s+(\d+[A-Za-z]?(?:\s*\(\w{1,4}\))*)", re.ASCII)


def kind_of_label(label: str) -> ActKind | None:
    """The act kind a header label names, or ``None`` if none this library models.

    >>> kind_of_label("Accession to the Convention as amended")
    <ActKind.ACCESSION: 'accession'>
    >>> kind_of_label("Notification under article 25")
    <ActKind.NOTIFICATION: 'notification'>
    >>> kind_of_label("UNTS Volume") is None
    True
    """
    low = " ".join(label.split()).casefold()
    for words, kind in _KIND_OF_LABEL:
        if low == words or low.startswith((words + " ", words + "/")):
            return kind
    return None


def article_of_label(label: str) -> str | None:
    """The article a label names its act under, without spaces, if any.

    >>> article_of_label("Notification of non-provisional application under article 7 (1) (b)")
    '7(1)(b)'
    >>> article_of_label("Application") is None
    True
    """
    m = _UNDER_ARTICLE.search(" ".join(label.split()))
    return None if m is None else "".join(m.group(1).split())


@attrs.frozen
class CellKind:
    """What a cell of a column is, as :meth:`Column.read` says.

    :ivar kind: the act kind.
    :ivar label: the header's label(s) for it, ``" / "``-joined.
    :ivar article: the article the label names (a notification's), if any.
    :ivar remark: what the header leaves open, said in the act's note
        (empty when the header is plain).
    """

    kind: ActKind
    label: str
    article: str | None = None
    remark: str = ""


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
        read = self.read(mark)
        return read if isinstance(read, str) else (read.kind, read.label)

    def read(self, mark: str | None) -> CellKind | str:
        """The kind of a cell with *mark*, with its article and what the
        header leaves open, or why there is none.

        * Where the header defines the mark, the mark decides (``s`` is a
          definitive signature in most tables, a signature ad referendum in
          XIV-7's).
        * A column whose header lists one marked label and nothing unmarked
          (``"Signature ad referendum (s)"``) holds that kind, marked or not.
        * Several labels for one mark are one kind, or all kinds of consent
          to be bound (``"Definitive signature of the Protocol, Acceptance of
          the Protocol"``): then the act is a consent to be bound, and its
          note says the table does not tell which.  Labels of different
          roles (a signature and a ratification) are refused.
        * "Confirmation of signature" in a column of definitive signatures
          confirms a signature ad referendum as definitive: a definitive
          signature (XIV-7-a).
        """
        labels = self.unmarked if mark is None else self.marks.get(mark, ())
        remark = ""
        if not labels and mark is None and len(self.marks) == 1:
            (only, labels), = self.marks.items()
            remark = (f"unmarked, in a column whose header lists only "
                      f"{labels[0]!r} ({only})")
        if not labels:
            if mark is None:
                return f"the header {self.header!r} gives no kind for an unmarked date"
            return f"the header {self.header!r} does not define the mark {mark!r}"
        kinds = {kind_of_label(label) for label in labels}
        label = " / ".join(labels)
        if None in kinds:
            unknown = next(lb for lb in labels if kind_of_label(lb) is None)
            return f"{unknown!r} is not a kind of act this library models"
        known = {k for k in kinds if k is not None}
        if known == {ActKind.CONFIRMATION_OF_SIGNATURE} and self._of_kind(
                ActKind.DEFINITIVE_SIGNATURE):
            return CellKind(ActKind.DEFINITIVE_SIGNATURE, label, None, _add(
                remark, "the confirmation of a signature ad referendum, in the header's "
                "column of definitive signatures"))
        if len(known) > 1:
            which = "an unmarked date" if mark is None else f"the mark {mark!r}"
            if not all(k.is_consent for k in known):
                return f"the header {self.header!r} gives several kinds for {which}: {labels}"
            return CellKind(ActKind.CONSENT_TO_BE_BOUND, label, None, _add(
                remark, f"the header lists these {len(labels)} kinds of consent for "
                f"{which}: the table does not say which"))
        kind = known.pop()
        articles = {article_of_label(lb) for lb in labels}
        article = articles.pop() if len(articles) == 1 else None
        low = " ".join(labels[0].split()).casefold()
        for words, says in _ONE_OF:
            if low.startswith(words):
                remark = _add(remark, f"the label names {says}: the table does not say which")
        return CellKind(kind, label, article, remark)

    def _of_kind(self, kind: ActKind) -> bool:
        return any(kind_of_label(label) is kind
                   for labels in (self.unmarked, *self.marks.values()) for label in labels)


def _add(first: str, second: str) -> str:
    return f"{first}; {second}" if first else second


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


# -- attached facts ---------------------------------------------------------------------

# The Charter's table (I-2) lists, for each State admitted after 1945, the
# General Assembly resolution admitting it, the day it was adopted, and the
# registration and United Nations Treaty Series citation of the State's
# declaration of acceptance of the Charter's obligations.  A table with a
# "Resolution" and a "Date of Adoption" column has that layout: the date of
# adoption is the day of the act (membership, and so the declaration, takes
# effect on the day of the General Assembly's decision: its Rules of
# Procedure, rule 138); the other cells are facts attached to it.
_ADOPTION = "date of adoption"
_FACTS: dict[str, tuple[str, re.Pattern[str] | None]] = {
    # column (casefolded): (what the fact is, the form its text must have;
    # None for a date).
    "resolution": ("General Assembly resolution", re.compile(
        r"^(?:[A-Z]{1,2}-)?\d[\d ]{0,7}(?:/\d{1,4})?(?: \((?:[A-Z]{1,2}-)?[IVXLC]{1,8}\))?$",
        re.ASCII)),
    "registration date": ("registered", None),
    "registration number": ("registration no.", re.compile(r"^\d{1,7}$", re.ASCII)),
    "unts volume": ("vol.", re.compile(r"^\d{1,5}$", re.ASCII)),
    "unts page": ("p.", re.compile(r"^(?:\d{1,5}|N/A)$", re.ASCII)),
}


def _layout(header: Sequence[str]) -> tuple[int | None, dict[int, str]]:
    """The column of a declaration-of-acceptance act and the fact columns, by
    index, if the table has the Charter's layout; else ``(None, {})``."""
    low = [" ".join(h.split()).casefold() for h in header]
    if _ADOPTION not in low or "resolution" not in low:
        return None, {}
    return low.index(_ADOPTION), {i: h for i, h in enumerate(low) if h in _FACTS}


def _fact(column: str, text: str) -> str | tuple[str, str]:
    """The fact's text as the act keeps it, or (error code, message)."""
    what, form = _FACTS[column]
    clean = " ".join(text.split())
    if form is None:
        parsed = _parse_cell(clean)
        if len(parsed) == 2:
            return parsed
        day, mark, notes = parsed
        if mark is not None or notes:
            return "bad-fact", "a registration date takes no mark or footnote"
        return f"{what} {day.isoformat()}"
    if not form.fullmatch(clean):
        return "bad-fact", f"not a {column} in the UN's form ({what} ...)"
    return f"{what} {clean}"


def _attach(act: Act, facts: Sequence[tuple[str, str]]) -> Act:
    """*act* with the facts of its row: the resolution and the registration
    in its note, the UNTS citation in its sources."""
    got = dict(facts)
    note = [got[c] for c in ("resolution", "registration date", "registration number")
            if c in got]
    cite = ", ".join(got[c] for c in ("unts volume", "unts page") if c in got)
    sources = (*act.sources, f"United Nations Treaty Series, {cite}") if cite else act.sources
    return attrs.evolve(act, note=_add(act.note, "; ".join(note)) if note else act.note,
                        sources=sources)


# -- tables ------------------------------------------------------------------------------

@attrs.frozen
class UntcReading:
    """What :func:`parse_table` found.

    Every non-empty cell is an act, a fact attached to an act (the
    registration number or UNTS citation of a declaration in the Charter's
    table, I-2) or a problem: ``cells == acts + len(problems)`` and
    ``all_cells == acts + attached + len(problems)`` when nothing is
    :attr:`unlisted`.

    :ivar record: the acts read, with the treaty given (or a deposit-only one).
    :ivar locations: where each act came from (file, row, column).
    :ivar problems: one per non-empty cell that is not an act.
    :ivar table_problems: problems of the table itself (its CSV, header, names of rows
        without any act), not of a cell.
    :ivar cells: how many non-empty cells, besides participant names, are acts
        or problems.
    :ivar record_problems: what :func:`~migrant_convention.core.validate.problems`
        finds in the record (empty with ``validate=False``), located at the
        acts' cells.
    :ivar unlisted: how many problems were found beyond the first
        :data:`~migrant_convention._rows.MAX_PROBLEMS` of each kind and not
        kept: ``cells == len(record.acts) + len(problems)`` when no cell
        problem is unlisted.
    :ivar attached: how many non-empty cells are facts attached to an act
        (in its note or sources; see :doc:`/explanation/untc-kinds`).
    :ivar repeated: a problem for each row of a participant listed in an
        earlier row (``duplicate-participant``), found whether or not the
        record is checked; among :attr:`record_problems` when it is.
    :ivar notices: what the record disagrees with without being invalid
        (:func:`~migrant_convention.core.validate.notices`: a stated entry
        into force its acts do not give, as when a table keeps a
        predecessor's instrument in a footnote); never raised.
    """

    record: TreatyRecord
    locations: tuple[str, ...]
    problems: tuple[Problem, ...]
    table_problems: tuple[Problem, ...]
    cells: int
    record_problems: tuple[Problem, ...] = ()
    unlisted: int = 0
    attached: int = 0
    repeated: tuple[Problem, ...] = ()
    notices: tuple[Problem, ...] = ()

    @property
    def acts(self) -> int:
        """How many acts were read (``len(record.acts)``)."""
        return len(self.record.acts)

    @property
    def all_cells(self) -> int:
        """Every non-empty cell besides participant names: :attr:`cells` and
        :attr:`attached`."""
        return self.cells + self.attached

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


def bundled_treaty(source: str | os.PathLike[str]) -> Treaty | None:
    """The bundled final clauses of the treaty whose table is *source* (a file
    name or path; its UN Treaty Collection id by :func:`treaty_id`), or
    ``None`` if none are bundled (:func:`migrant_convention.data.treaties`).

    >>> bundled_treaty("tables/4-11.csv").short_name, bundled_treaty("iv-11-b.csv").short_name
    ('CRC', 'OPAC')
    >>> bundled_treaty("6-11.csv") is None
    True
    """
    try:
        known = _bundled.load("final_clauses")
    except LookupError:  # the data layer has not said how: nothing known
        return None
    if not isinstance(known, Mapping):
        raise TypeError(f"the bundled final clauses loaded as a {type(known).__name__}")
    found = known.get(treaty_id(source))
    return found if isinstance(found, Treaty) else None


# A UN Treaty Collection id in any case: "iv-11-b" is "IV-11-b".
_UNTC_ID = re.compile(r"^([IVXLC]{1,6})-(\d{1,3})((?:-[A-Z])?)$", re.ASCII | re.IGNORECASE)


def treaty_id(file_name: str | os.PathLike[str]) -> str:
    """The UN Treaty Collection number of a table file: ``4-13.csv`` is ``IV-13``.

    >>> treaty_id("4-13.csv"), treaty_id("10-11-a.csv"), treaty_id("x.csv")
    ('IV-13', 'X-11-a', 'x')
    >>> treaty_id("tables/4-13.CSV")  # in a folder, the extension in any case
    'IV-13'
    >>> treaty_id("iv-11-B.csv")  # an id as the UN writes it, in any case
    'IV-11-b'
    """
    # The name, after any folder, whichever the separator ("C:\\t\\4-11.csv").
    stem = re.split(r"[\\/]", os.fspath(file_name))[-1]
    if stem[-4:].lower() == ".csv":
        stem = stem[:-4]
    named = _UNTC_ID.match(stem)
    if named is not None:  # the roman chapter in capitals, a suffix in small
        return f"{named[1].upper()}-{named[2]}{named[3].lower()}"
    chapter, _, rest = stem.partition("-")
    if not chapter.isdigit() or not rest or not 1 <= int(chapter) <= 39:
        return stem
    n = int(chapter)
    roman = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            roman, n = roman + letters, n - value
    return f"{roman}-{rest}"


@functools.lru_cache(maxsize=1024)
def _listed(label: str, kind: ActKind, remark: str) -> str:
    """The part of an act's note its column gives (the same for each cell)."""
    parts = []
    if " ".join(label.split()).casefold() != kind.value.replace("_", " "):
        parts.append(f"listed as {label!r}")
    if remark:
        parts.append(remark)
    return "; ".join(parts)


def _not_a_table(text: str) -> str | None:
    """Why *text* is not a status table in CSV at all, if its first line says
    so: JSON (a record written by ``serialize.to_json``), or tab-separated."""
    start = text.lstrip("\ufeff \t\r\n")
    if start[:1] in ("{", "["):
        return ("JSON, not a status table in CSV: a JSON record is read with "
                "serialize.from_json (on the command line, give it a .json name)")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    if "\t" not in first_line:
        return None
    try:
        by_tab = next(csv.reader([first_line.replace("\r", "")], delimiter="\t"), [])
    except csv.Error:  # not even tab-separated: the row reader will say what it is
        return None
    if "," not in first_line or (len(by_tab) > 1 and by_tab[0].strip() == "Participant"):
        return "tab-separated: a status table is comma-separated (CSV), as the UN writes it"
    return None


def _note(label: str, kind: ActKind, footnotes: Sequence[str], remark: str = "") -> str:
    listed = _listed(label, kind, remark)
    if not footnotes:
        return listed
    notes = f"table footnote(s) {', '.join(footnotes)}"
    return f"{listed}; {notes}" if listed else notes


def parse_table(
    text: str, source: str | os.PathLike[str] = "<table>", *, treaty: Treaty | None = None,
    as_of: date | None = None, universe: Universe | None = None, validate: bool = True,
) -> UntcReading:
    """Read a status table, keeping every act and every problem (up to 1,000
    of each kind: see :attr:`UntcReading.unlisted`).

    This is the lenient reading: the acts of every readable cell, and the
    problems, however many there are (the first 1,000 of each kind listed,
    the rest counted); ``read_table(..., partial=True)`` gives the same.

    :param text: the table as CSV text (first column ``Participant``).
    :param source: the file name (or path), used in locations and the acts'
        sources.
    :param treaty: the treaty and its rules; by default the bundled final
        clauses of the table's treaty, known by the UN Treaty Collection id
        of *source* (``4-11.csv`` is the CRC's: :func:`bundled_treaty`), and
        for any other table a :func:`deposit_only_treaty` (pass one to read
        a known table without its rules).
    :param as_of: the day the table was published or scraped, if known.
    :param universe: the States, if the acts are to be checked against them
        (:func:`~migrant_convention.core.validate.problems`).
    :param validate: check the record read (:attr:`UntcReading.record_problems`);
        ``False`` for the raw record.
    :raises TypeError: if *text* is not text (a path, bytes: read and decode
        the file first) or *treaty* not a :class:`Treaty`.
    """
    if not isinstance(text, str):
        hint = (": read the file first, e.g. Path(...).read_text(encoding='utf-8')"
                if isinstance(text, (os.PathLike, bytes)) else "")
        raise TypeError(f"text must be the table's text (a str), not "
                        f"{type(text).__name__}{hint}")
    if treaty is not None and not isinstance(treaty, Treaty):
        raise TypeError(f"treaty must be a Treaty (e.g. migrant_convention.data.treaty("
                        f"{treaty!r}) for a bundled one), not {type(treaty).__name__}")
    source = os.fspath(source)
    table_problems = Problems(source)
    problems = Problems(source)
    if len(text) > MAX_CHARS:
        table_problems.append(Problem(source, f"{len(text)} characters",
                                      f"larger than the limit of {MAX_CHARS}", "too-large"))
        text = ""
    # Not a table at all: one problem saying what it is, not one per cell.
    not_a_table = _not_a_table(text)
    if not_a_table is not None:
        table_problems.append(Problem(f"{source}, row 1", text.lstrip("\ufeff")[:40],
                                      not_a_table, "not-a-table"))
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
        # Without its header no cell can be read: one problem, not one per cell.
        records = iter(())
        header = []
    seen_columns: dict[str, int] = {}
    for i, h in enumerate(header[1:], start=2):
        label = " ".join(h.split()).casefold()
        if not label:  # trailing empty columns of a spreadsheet's export
            continue
        same = seen_columns.setdefault(label, i)
        if same != i:
            table_problems.append(Problem(
                f"{source}, row {first.line if first else 1}, column {i}", h,
                f"the same header as column {same}: each kind of act has one column",
                "duplicate-column"))
    columns = [parse_column(h) for h in header[1:]]
    adoption, fact_columns = _layout(header)
    acts: list[Act] = []
    locations: list[str] = []
    participants: dict[str, Participant] = {}
    kinds: dict[tuple[int, str | None], CellKind | str] = {}
    row_of: dict[str, int] = {}  # each participant's row
    twice: list[Problem] = []  # rows of a participant listed already: checked below
    cells = attached = 0
    for line, row, ok in records:
        if not ok:
            continue  # reported by the reader
        name = row[0] if row else ""
        filled = [(i, c) for i, c in enumerate(row[1:], start=1) if c.strip()]
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
        if who is not None:
            once = row_of.setdefault(who[0].code, line)
            if once != line:
                twice.append(Problem(
                    f"{source}, row {line}, column 'Participant'", name,
                    f"{who[0].code} has a row already (row {once}): a participant has one row",
                    "duplicate-participant"))
        if name_problem and not filled:
            table_problems.append(Problem(f"{source}, row {line}, column 'Participant'", name,
                                          name_problem[1], name_problem[0]))
        row_acts: list[int] = []  # indexes in acts of this row's acts
        facts: list[tuple[str, str, str, str]] = []  # (column, fact, where, cell)
        for i, cell in filled:
            head = header[i] if i < len(header) else f"#{i + 1}"
            where = f"{source}, row {line}, column {head!r}"
            if name_problem:
                cells += 1
                problems.append(Problem(where, cell, name_problem[1], name_problem[0]))
                continue
            assert who is not None
            if i > len(columns):
                cells += 1
                problems.append(Problem(where, cell, "a cell beyond the last column",
                                        "extra-cells"))
                continue
            if i in fact_columns:
                fact = _fact(fact_columns[i], cell)
                if isinstance(fact, tuple):
                    cells += 1
                    problems.append(Problem(where, cell, fact[1], fact[0]))
                else:
                    facts.append((fact_columns[i], fact, where, cell))
                continue
            cells += 1
            parsed = _parse_cell(cell)
            if len(parsed) == 2:
                code, message = parsed
                problems.append(Problem(where, cell, message, code))
                continue
            day, mark, cell_notes = parsed
            if i == adoption:
                if mark is not None:
                    problems.append(Problem(where, cell, "a date of adoption takes no mark",
                                            "unknown-mark"))
                    continue
                read: CellKind | str = CellKind(
                    ActKind.DECLARATION_OF_ACCEPTANCE, "declaration of acceptance", None,
                    "dated by the General Assembly's adoption of the resolution admitting "
                    "the State")
            else:
                # A column's header is read once per mark, not once per cell.
                known_read = kinds.get((i, mark))
                if known_read is None:
                    known_read = kinds[i, mark] = columns[i - 1].read(mark)
                read = known_read
            if isinstance(read, str):
                problems.append(Problem(where, cell, read,
                                        "unknown-mark" if mark is not None and
                                        mark not in columns[i - 1].marks else "unknown-kind"))
                continue
            participant, listed, name_notes = who
            row_acts.append(len(acts))
            acts.append(Act(participant.code, read.kind, PartialDate.day(day), read.article,
                            (f"{SOURCE} {source}",),
                            _note(read.label, read.kind, (*name_notes, *cell_notes),
                                  read.remark), listed))
            locations.append(where)
            known = participants.get(participant.code)
            if known is None:
                participants[participant.code] = attrs.evolve(participant, name=listed)
            elif listed != known.name and listed not in known.former_names:
                participants[participant.code] = attrs.evolve(
                    known, former_names=(*known.former_names, listed))
        if facts and len(row_acts) == 1:
            acts[row_acts[0]] = _attach(acts[row_acts[0]], [(c, f) for c, f, _, _ in facts])
            attached += len(facts)
        else:
            why = ("no act in its row to attach it to" if not row_acts else
                   f"{len(row_acts)} acts in its row: which one it belongs to is not said")
            for _, _, where, cell in facts:
                cells += 1
                problems.append(Problem(where, cell, f"a fact with {why}", "fact-without-act"))
    if treaty is None:
        treaty = bundled_treaty(source)
    if treaty is None:
        earliest = min((a.date.latest for a in acts), default=date(1945, 1, 1))
        treaty = deposit_only_treaty(treaty_id(source), adopted=min(earliest, date(1945, 1, 1)))
    record = TreatyRecord(treaty, acts, tuple(participants.values()), as_of,
                          (f"{SOURCE} {source}",))
    checked: list[Problem] = []
    if validate:
        # A participant's second row is the record's problem (its acts are
        # read: validate=False keeps them, as the table has them).
        checked = twice + record_problems(record, universe, locations=locations)
    unlisted = table_problems.more + problems.more + max(0, len(checked) - MAX_PROBLEMS)
    return UntcReading(record, tuple(locations), tuple(problems), tuple(table_problems), cells,
                       tuple(checked[:MAX_PROBLEMS]), unlisted, attached,
                       tuple(twice[:MAX_PROBLEMS]), tuple(record_notices(record)))


@overload
def read_table(
    text: str, source: str | os.PathLike[str] = ..., *, treaty: Treaty | None = ...,
    as_of: date | None = ..., universe: Universe | None = ..., validate: bool = ...,
    partial: Literal[False] = ...,
) -> TreatyRecord: ...
@overload
def read_table(
    text: str, source: str | os.PathLike[str] = ..., *, treaty: Treaty | None = ...,
    as_of: date | None = ..., universe: Universe | None = ..., validate: bool = ...,
    partial: Literal[True],
) -> UntcReading: ...
@overload
def read_table(
    text: str, source: str | os.PathLike[str] = ..., *, treaty: Treaty | None = ...,
    as_of: date | None = ..., universe: Universe | None = ..., validate: bool = ...,
    partial: bool,
) -> TreatyRecord | UntcReading: ...
def read_table(
    text: str, source: str | os.PathLike[str] = "<table>", *, treaty: Treaty | None = None,
    as_of: date | None = None, universe: Universe | None = None, validate: bool = True,
    partial: bool = False,
) -> TreatyRecord | UntcReading:
    """Read a status table into a record (see :func:`parse_table`), checked as
    :func:`~migrant_convention.core.validate.validate_record` checks one
    (against *universe* if given) unless *validate* is false.

    :param partial: ``True`` to read a table that has problems anyway: the
        result is then the :class:`UntcReading` of :func:`parse_table`, whose
        ``record`` holds the acts of every readable cell and whose
        ``all_problems`` lists every problem; nothing is raised.  Opt in only
        knowing the record may be wrong: a cell that is a problem is an act
        missing from the record, and a problem of the record itself (a second
        consent, an act outside the universe: ``record_problems``) is an act
        kept in it, and counted.
    :raises ValidationError: listing every problem (file, row, column, text),
        unless *partial*.  A stated entry into force that the table's acts do
        not give is a notice, not a problem: the record is returned, and
        :func:`~migrant_convention.core.validate.notices` (or
        :attr:`UntcReading.notices`) says so.
    """
    reading = parse_table(text, source, treaty=treaty, as_of=as_of, universe=universe,
                          validate=validate)
    if partial:
        return reading
    raise_if_problems(f"invalid UN Treaty Collection table {source}", reading.all_problems)
    return reading.record
