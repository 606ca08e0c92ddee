"""Treaties: what a treaty is, and its rules.

The rules of a treaty's final clauses — how consent is expressed, when it
enters into force, when it enters into force for each later State, how it is
denounced — are plain values (:mod:`.rules`, re-exported here as in 0.1), so
a treaty with other rules is another value, not another class.

>>> from datetime import date
>>> rule = Delay(months=3, alignment=Alignment.FIRST_OF_NEXT_MONTH)
>>> rule.apply(date(2007, 6, 5))   # Albania: in force for it on 1 October 2007
datetime.date(2007, 10, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import attrs

from ._convert import a_day, an_instance, text
from .acts import Act
from .rules import (
    Alignment,
    Delay,
    DenunciationRule,
    EntryIntoForceRule,
    Rules,
    StatedDate,
)

__all__ = [
    "Alignment",
    "Delay",
    "DenunciationRule",
    "EntryIntoForceRule",
    "Rules",
    "StatedDate",
    "Treaty",
]


@attrs.frozen
class Treaty:
    """A treaty: what it is, and its rules.

    :ivar id: an identifier, e.g. the UN Treaty Collection's ``"IV-13"``.
    :ivar title: the full title.
    :ivar short_name: what people call it (``"ICRMW"``).
    :ivar adopted: the day it was adopted; no act can precede it.
    :ivar opened_for_signature: the day it was opened for signature.
    :ivar depositary: who keeps its instruments.
    :ivar rules: its final clauses.
    :ivar place: where it was adopted.
    :ivar stated_entry_into_force: the treaty's entry into force as its
        depositary states it (:class:`StatedDate`), or ``None``.  When given,
        it is the treaty's entry into force for every computation
        (:meth:`general_entry_into_force`): the acts of a record may be
        incomplete (a table that lists successor States and leaves their
        predecessors' instruments in footnotes) or dated only to the year.
        :func:`~migrant_convention.core.validate.problems` checks it against
        what the rules allow from the acts and reports a disagreement.

    The fields are checked when it is built (text as ``str``, days as
    :class:`datetime.date` and not ``datetime``, *rules* as :class:`Rules`):
    a wrong type is a :class:`TypeError` naming the field.
    """

    id: str = attrs.field(validator=text())
    title: str = attrs.field(validator=text())
    short_name: str = attrs.field(validator=text())
    adopted: date = attrs.field(validator=a_day())
    opened_for_signature: date = attrs.field(validator=a_day())
    depositary: str = attrs.field(validator=text())
    rules: Rules = attrs.field(validator=an_instance(Rules))
    place: str = attrs.field(default="", validator=text())
    stated_entry_into_force: StatedDate | None = attrs.field(
        default=None, validator=an_instance(StatedDate, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.opened_for_signature < self.adopted:
            raise ValueError(
                f"Treaty.opened_for_signature {self.opened_for_signature} precedes adoption "
                f"{self.adopted}"
            )

    def general_entry_into_force(self, acts: Iterable[Act], day: Callable[[Act], date]
                                 ) -> date | None:
        """The treaty's entry into force: the stated day if there is one, else
        what :meth:`Rules.general_entry_into_force` computes from *acts*, each
        dated by *day*."""
        if self.stated_entry_into_force is not None:
            return self.stated_entry_into_force.day
        return self.rules.general_entry_into_force(acts, day)
