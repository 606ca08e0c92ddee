"""A treaty's record: the treaty, every act under it, and who the actors are."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, cast

import attrs

from ._convert import a_day, an_instance, counted, short, strings, tuple_of
from .acts import Act
from .participants import Participant
from .treaty import Treaty

__all__ = ["TreatyRecord"]

#: How many items a short repr shows.
REPR_ITEMS = 3


def _acts(value: Iterable[Act]) -> tuple[Act, ...]:
    if isinstance(value, Iterable):
        return tuple(value)
    return cast("tuple[Act, ...]", value)  # the validator refuses it


def to_participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    if isinstance(value, Iterable):
        return tuple(value)
    return cast("tuple[Participant, ...]", value)  # the validator refuses it


def _act_item(act: Act) -> str:
    return f"{act.describe()} {act.date}"


@attrs.frozen(cache_hash=True)
class TreatyRecord:
    """Everything known about one treaty's participation.

    Records are immutable, so the indexes the status and count functions
    build from a record are computed once and reused.

    :ivar treaty: the treaty and its rules.
    :ivar acts: every act, in the order of the source.
    :ivar participants: who the acts' codes stand for (names, former names).
    :ivar as_of: the day the record was last checked against its sources.
    :ivar sources: where the record as a whole comes from.

    The fields are checked when it is built (any iterables of :class:`Act`,
    of :class:`Participant` and of text are kept as tuples): a wrong type is a
    :class:`TypeError` naming the field, and the index of a wrong item.

    Its ``repr()`` is short — the treaty's id and short name, the "as of"
    day, the sizes and the first acts — so that a failing test prints it on
    one line, whatever the size of the record:

    >>> from migrant_convention import data
    >>> data.icrmw()  # doctest: +ELLIPSIS
    <TreatyRecord 'IV-13' ('ICRMW') as of ...: ... acts by ... codes, ... participants, ...>

    Equality compares every field, and the full data are one attribute away:
    ``record.acts``, ``record.participants``, ``record.treaty`` (and
    ``attrs.asdict(record)`` or ``serialize.to_json(record)`` for all of it).
    """

    treaty: Treaty = attrs.field(validator=an_instance(Treaty))
    acts: tuple[Act, ...] = attrs.field(converter=_acts, validator=tuple_of(Act))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_participants, validator=tuple_of(Participant))
    as_of: date | None = attrs.field(default=None, validator=a_day(optional=True))
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings,
                                           validator=tuple_of(str))

    def __repr__(self) -> str:
        t = self.treaty
        as_of = f" as of {self.as_of}" if self.as_of is not None else ""
        acts = self.acts
        first = ", ".join(_act_item(a) for a in acts[:REPR_ITEMS])
        more = ", ..." if len(acts) > REPR_ITEMS else ""
        shown = f"; first: {first}{more}" if acts else ""
        return (f"<TreatyRecord {short(t.id)} ({short(t.short_name)}){as_of}: "
                f"{counted(len(acts), 'act')} by {counted(len(self.codes), 'code')}, "
                f"{counted(len(self.participants), 'participant')}, "
                f"{counted(len(self.sources), 'source')}{shown}>")

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """The short repr for Hypothesis's and IPython's pretty printers, which
        would otherwise print every field of an attrs class."""
        printer.text(repr(self))

    def participant(self, code: str) -> Participant | None:
        """The :class:`Participant` with *code*, if the record names it."""
        for p in self.participants:
            if p.code == code:
                return p
        return None

    def acts_of(self, code: str) -> tuple[Act, ...]:
        """The acts listed under *code*, in chronological order."""
        return tuple(sorted((a for a in self.acts if a.participant == code),
                            key=Act.sort_key))

    @property
    def codes(self) -> tuple[str, ...]:
        """Every participant code that has an act, in first-seen order."""
        return tuple(dict.fromkeys(a.participant for a in self.acts))
