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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core.dates import PartialDate

__all__ = [
    "InvalidDateError",
    "MigrantConventionError",
    "NotInUniverseError",
    "Problem",
    "UndecidableError",
    "UnknownParticipantError",
    "UnknownRuleError",
    "UnsupportedFormatError",
    "ValidationError",
]


class MigrantConventionError(Exception):
    """Base class of every error this library raises on purpose."""


class InvalidDateError(MigrantConventionError, ValueError):
    """A date (full or partial) could not be parsed or is impossible."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason
        detail = f": {reason}" if reason else ""
        super().__init__(f"invalid date {text!r}{detail}")


class UnknownParticipantError(MigrantConventionError, LookupError):
    """A participant code or name is not known."""

    def __init__(self, value: str, hint: str = "") -> None:
        self.value = value
        detail = f" ({hint})" if hint else ""
        super().__init__(f"unknown participant {value!r}{detail}")

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message, adding quotes.
        return str(self.args[0])


class NotInUniverseError(MigrantConventionError, LookupError):
    """A participant is not a State of the universe on the date asked about."""

    def __init__(self, code: str, on: date) -> None:
        self.code = code
        self.on = on
        super().__init__(f"{code} is not a State in the universe on {on.isoformat()}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownRuleError(MigrantConventionError, LookupError):
    """The answer needs a treaty rule that the record does not have (e.g. the
    entry-into-force rule of a treaty read from a UN Treaty Collection table)."""

    def __str__(self) -> str:
        return str(self.args[0])


class UnsupportedFormatError(MigrantConventionError, ValueError):
    """Serialised data declares a format or version this library cannot read."""


class UndecidableError(MigrantConventionError):
    """The answer depends on where an imprecise date falls inside its range.

    Raised by default rather than guessing.  Pass ``resolve="earliest"`` or
    ``resolve="latest"`` to a status or count function to choose a resolution
    explicitly.  :attr:`acts` lists ``(description, date)`` pairs for the acts
    whose imprecise dates straddle the date asked about.
    """

    def __init__(
        self, question: str, on: date | None, acts: Sequence[tuple[str, PartialDate]]
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
