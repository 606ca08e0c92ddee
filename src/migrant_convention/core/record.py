"""A treaty's record: the treaty, every act under it, and who the actors are."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from ._convert import to_strings
from .acts import Act
from .participants import Participant
from .treaty import Treaty

__all__ = ["TreatyRecord"]


def _sorted_acts(acts: Iterable[Act]) -> tuple[Act, ...]:
    return tuple(acts)


def to_participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(value)


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
    """

    treaty: Treaty
    acts: tuple[Act, ...] = attrs.field(converter=_sorted_acts)
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=to_participants)
    as_of: date | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)

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
