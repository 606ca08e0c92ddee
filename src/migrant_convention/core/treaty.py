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

from datetime import date

import attrs

from ._convert import a_day, an_instance, text
from .rules import Alignment, Delay, DenunciationRule, EntryIntoForceRule, Rules

__all__ = [
    "Alignment",
    "Delay",
    "DenunciationRule",
    "EntryIntoForceRule",
    "Rules",
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

    def __attrs_post_init__(self) -> None:
        if self.opened_for_signature < self.adopted:
            raise ValueError(
                f"Treaty.opened_for_signature {self.opened_for_signature} precedes adoption "
                f"{self.adopted}"
            )
