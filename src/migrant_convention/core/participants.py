"""Who takes part in treaties: States, former States, and non-State participants.

A :class:`Participant` is identified by a ``code``.  For a State that is its
ISO 3166-1 alpha-3 code, checked against pycountry; for a State that no longer
exists, its former alpha-3 code from ISO 3166-3 (``SUN``, ``YUG``, ``CSK``,
``DDR``, ``YMD``, ``SCG``) or, where ISO never had one, an identifier of our
own written in capitals with at least four characters (``ZANZIBAR``).
Non-State participants (the European Union, UN specialised agencies,
territories such as Hong Kong) have codes of the same form.
"""

from __future__ import annotations

import enum
import re
from functools import cache

import attrs

from ..errors import UnknownParticipantError
from ._convert import an_instance, enum_member, strings, text, tuple_of

__all__ = ["Participant", "ParticipantKind", "is_iso_alpha3"]

_CODE = re.compile(r"^[A-Z][A-Z0-9_-]{2,39}$")


class ParticipantKind(enum.Enum):
    """What kind of participant a :class:`Participant` is."""

    STATE = "state"
    FORMER_STATE = "former_state"
    ORGANIZATION = "organization"
    TERRITORY = "territory"


@cache
def _current_alpha3() -> frozenset[str]:
    import pycountry  # imported lazily: pycountry loads its database on first use

    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def _historic_alpha3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.historic_countries)


def is_iso_alpha3(code: str, *, historic: bool = False) -> bool:
    """Whether *code* is a current (or, with *historic*, a withdrawn) ISO alpha-3 code.

    >>> is_iso_alpha3("ALB"), is_iso_alpha3("SUN"), is_iso_alpha3("SUN", historic=True)
    (True, False, True)
    """
    return code in (_historic_alpha3() if historic else _current_alpha3())


def check_code(code: str, kind: ParticipantKind) -> str | None:
    """Return why *code* is not acceptable for *kind*, or ``None`` if it is."""
    if not isinstance(code, str) or not _CODE.match(code):
        return "a code is 3 to 40 capital letters, digits, '-' or '_', starting with a letter"
    if len(code) == 3:
        if kind is ParticipantKind.STATE and not is_iso_alpha3(code):
            return "not an ISO 3166-1 alpha-3 code of a current country"
        if kind is ParticipantKind.FORMER_STATE and not (
            is_iso_alpha3(code, historic=True) or is_iso_alpha3(code)
        ):
            return "not an ISO 3166 alpha-3 code, current or withdrawn"
    elif kind is ParticipantKind.STATE:
        return "a State's code is its ISO 3166-1 alpha-3 code"
    return None


def _kind(value: ParticipantKind | str) -> ParticipantKind:
    return enum_member(ParticipantKind, value)


@attrs.frozen
class Participant:
    """A State or other entity that can act under a treaty.

    :ivar code: identifier, see the module docs.
    :ivar name: the name as the United Nations writes it now.
    :ivar kind: State, former State, organisation or territory.
    :ivar former_names: other names under which the UN has listed it
        (``"Cape Verde"`` for Cabo Verde).

    The fields are checked when it is built: a wrong type is a
    :class:`TypeError` naming the field; *kind* may be given as a
    :class:`ParticipantKind`'s value (``"state"``), *former_names* as any
    iterable of text; a code not acceptable for its kind raises
    :class:`~migrant_convention.errors.UnknownParticipantError`.
    """

    code: str = attrs.field(validator=text())
    name: str = attrs.field(validator=text())
    kind: ParticipantKind = attrs.field(default=ParticipantKind.STATE, converter=_kind,
                                        validator=an_instance(ParticipantKind))
    former_names: tuple[str, ...] = attrs.field(default=(), converter=strings,
                                                validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        why = check_code(self.code, self.kind)
        if why is not None:
            raise UnknownParticipantError(self.code, why)

    @property
    def names(self) -> tuple[str, ...]:
        """The current name followed by the former ones."""
        return (self.name, *self.former_names)
