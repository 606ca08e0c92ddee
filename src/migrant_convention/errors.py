"""The library's exceptions.

Every exception raised on purpose by :mod:`migrant_convention` derives from
:class:`MigrantConventionError`.  The specific ones also derive from the builtin
that a caller would naturally catch (:class:`ValueError` for bad values,
:class:`LookupError` for unknown names), so ``except ValueError`` keeps working.

Validation reports *every* problem at once: :class:`ValidationError` is an
:class:`ExceptionGroup` of :class:`Problem` exceptions, each naming where the
bad value was (file, row, field or JSON path) and what it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

__all__ = [
    "InvalidDateError",
    "MigrantConventionError",
    "NotInUniverseError",
    "Problem",
    "UndecidableError",
    "UnknownGroupingError",
    "UnknownLanguageError",
    "UnknownParticipantError",
    "UnknownRuleError",
    "UnknownTreatyError",
    "UnsupportedFormatError",
    "ValidationError",
]


class MigrantConventionError(Exception):
    """Base class of every error this library raises on purpose."""


class _LookupFailure(MigrantConventionError, LookupError):
    """Base of this library's :class:`LookupError` s: printed as their message.

    :class:`LookupError` (like :class:`KeyError`) would otherwise ``repr()``
    the message, adding quotes.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class InvalidDateError(MigrantConventionError, ValueError):
    """A date (full or partial) could not be parsed or is impossible."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason
        detail = f": {reason}" if reason else ""
        super().__init__(f"invalid date {text!r}{detail}")


class UnknownParticipantError(_LookupFailure):
    """A participant code or name is not known."""

    def __init__(self, value: str, hint: str = "") -> None:
        self.value = value
        detail = f" ({hint})" if hint else ""
        super().__init__(f"unknown participant {value!r}{detail}")


class NotInUniverseError(_LookupFailure):
    """A participant is not a State of the universe on the date asked about."""

    def __init__(self, code: str, on: date) -> None:
        self.code = code
        self.on = on
        super().__init__(f"{code} is not a State in the universe on {on.isoformat()}")


class UnknownRuleError(_LookupFailure):
    """The answer needs a treaty rule that the record does not have (e.g. the
    entry-into-force rule of a treaty read from a UN Treaty Collection table)."""


class UnknownTreatyError(_LookupFailure):
    """A treaty that :func:`migrant_convention.data.record` does not bundle.

    :param name: the identifier asked for.
    :param expected: the identifiers that exist, listed in the message.
    :param hint: what to do instead, said after them (``"its final clauses
        are bundled: read its UN table with them"``).
    """

    def __init__(self, name: str, expected: Sequence[str] = (), hint: str = "") -> None:
        self.name = name
        known = f" (bundled: {', '.join(expected)})" if expected else ""
        super().__init__(f"unknown treaty {name!r}{known}" + (f"; {hint}" if hint else ""))


class UnknownGroupingError(_LookupFailure):
    """A grouping name that is not one of
    :data:`~migrant_convention.places.groupings.BUILTIN_GROUPINGS`.

    :param name: the name asked for.
    :param expected: the names that exist, listed in the message.
    """

    def __init__(self, name: str, expected: Sequence[str] = ()) -> None:
        self.name = name
        known = f"expected one of {', '.join(expected)}, or " if expected else "expected "
        super().__init__(
            f"unknown grouping {name!r} ({known}a mapping from participant code to group name)"
        )


class UnknownLanguageError(MigrantConventionError, ValueError):
    """A language code that is not one of
    :data:`~migrant_convention.places.names.LANGUAGES`.

    :param lang: the code asked for.
    :param expected: the codes that exist, listed in the message.
    """

    def __init__(self, lang: str, expected: Sequence[str] = ()) -> None:
        self.lang = lang
        known = f" (expected one of {', '.join(expected)})" if expected else ""
        super().__init__(f"unknown language {lang!r}{known}")


class UnsupportedFormatError(MigrantConventionError, ValueError):
    """Serialised data declares a format or version this library cannot read."""


class DateRange(Protocol):
    """What :class:`UndecidableError` needs of a date it lists: a
    :class:`~migrant_convention.core.dates.PartialDate` is one.  (A protocol,
    so that this module imports nothing from the package.)"""

    @property
    def latest(self) -> date: ...

    def earliest_text(self) -> str: ...


class UndecidableError(MigrantConventionError):
    """The answer depends on where an imprecise date falls inside its range.

    Raised by default rather than guessing.  Pass ``resolve="earliest"`` or
    ``resolve="latest"`` to a status or count function to choose a resolution
    explicitly.  :attr:`acts` lists ``(description, date)`` pairs for the acts
    whose imprecise dates straddle the date asked about.
    """

    def __init__(
        self, question: str, on: date | None, acts: Sequence[tuple[str, DateRange]]
    ) -> None:
        self.question = question
        self.on = on
        self.acts = tuple(acts)
        where = f" on {on.isoformat()}" if on is not None else ""
        listed = "; ".join(
            f"{what} dated {d} (between {d.earliest_text()} and {d.latest.isoformat()})"
            for what, d in self.acts
        )
        super().__init__(
            f"{question}{where} is undecidable: it depends on {listed}. "
            "Pass resolve='earliest' or resolve='latest' to choose."
        )


class Problem(MigrantConventionError, ValueError):
    """One problem found while validating input.

    :param location: where the bad value is, e.g. ``icrmw_actions.csv, row 12,
        field 'date'`` or ``$.acts[3].date``.
    :param value: the offending value, as written.
    :param message: what is wrong with it.
    :param code: a short, stable identifier of the kind of problem
        (``"unknown-participant"``, ``"bad-date"``, ...), for programs.
    """

    def __init__(self, location: str, value: object, message: str, code: str = "invalid") -> None:
        self.location = location
        self.value = value
        self.message = message
        self.code = code
        super().__init__(f"{location}: {message} (value: {value!r})")

    def __reduce__(self) -> tuple[type[Problem], tuple[str, object, str, str]]:
        return (type(self), (self.location, self.value, self.message, self.code))


class ValidationError(MigrantConventionError, ExceptionGroup[Problem]):
    """Input was invalid; :attr:`problems` lists every problem found, in order.

    It is an :class:`ExceptionGroup`, so ``except* Problem`` works, and also a
    :class:`ValueError` through each :class:`Problem`.
    """

    summary: str

    def __new__(cls, message: str, problems: Sequence[Problem]) -> ValidationError:
        self = super().__new__(cls, _full_message(message, problems), list(problems))
        self.summary = message
        return self

    def __init__(self, message: str, problems: Sequence[Problem]) -> None:
        super().__init__(_full_message(message, problems), list(problems))
        #: The one-line summary, without the list of problems.
        self.summary = message

    def __str__(self) -> str:
        # ExceptionGroup would append "(N sub-exceptions)": the message
        # already lists them.
        return self.message

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems, in the order they were found."""
        return tuple(p for p in self.exceptions if isinstance(p, Problem))

    def derive(self, excs: Sequence[Problem]) -> ValidationError:  # type: ignore[override]
        return ValidationError(self.summary, excs)


def _full_message(summary: str, problems: Sequence[Problem]) -> str:
    # The whole list goes into the message so that every way of printing the
    # error (str, logging, pytest, tracebacks) shows every problem.
    lines = [f"{summary} ({len(problems)} problem{'s' if len(problems) != 1 else ''}):"]
    lines.extend(f"  - {p}" for p in problems)
    return "\n".join(lines)


def raise_if_problems(message: str, problems: Sequence[Problem]) -> None:
    """Raise :class:`ValidationError` listing *problems*, if there are any."""
    if problems:
        raise ValidationError(message, problems)
