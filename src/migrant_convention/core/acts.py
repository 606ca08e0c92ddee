"""The acts by which participants take part in a treaty.

Each kind of act is modelled as what it is (:class:`ActKind`), and knows
whether it makes its author a signatory, expresses consent to be bound, or
neither.  A participant's status is always *derived* from its acts.
"""

from __future__ import annotations

import enum

import attrs

from ._convert import to_strings
from .dates import PartialDate

__all__ = ["Act", "ActKind", "action_label", "parse_action"]


class ActKind(enum.Enum):
    """Kinds of treaty acts, with the names the UN Treaty Collection uses."""

    SIGNATURE = "signature"
    #: The State takes over its predecessor's signature and becomes a signatory.
    SUCCESSION_TO_SIGNATURE = "succession_to_signature"
    #: Signature that itself expresses consent to be bound ("s").
    DEFINITIVE_SIGNATURE = "definitive_signature"
    RATIFICATION = "ratification"
    #: Consent to be bound without prior signature ("a").
    ACCESSION = "accession"
    #: Consent to be bound by succession to a predecessor's party status ("d").
    SUCCESSION = "succession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    #: Act of formal confirmation, for international organisations ("c").
    FORMAL_CONFIRMATION = "formal_confirmation"
    CONSENT_TO_BE_BOUND = "consent_to_be_bound"
    PROVISIONAL_APPLICATION = "provisional_application"
    #: A declaration under a named article (see :attr:`Act.article`).
    DECLARATION = "declaration"
    DENUNCIATION = "denunciation"

    @property
    def is_signature(self) -> bool:
        """Makes its author a signatory (not yet bound)."""
        return self in _SIGNATURES

    @property
    def is_consent(self) -> bool:
        """Expresses consent to be bound: its author becomes a party."""
        return self in _CONSENTS

    @property
    def affects_status(self) -> bool:
        """Changes the status of its author (signature, consent, denunciation)."""
        return self in _SIGNATURES or self in _CONSENTS or self is ActKind.DENUNCIATION


_SIGNATURES = frozenset({ActKind.SIGNATURE, ActKind.SUCCESSION_TO_SIGNATURE})
_CONSENTS = frozenset(
    {
        ActKind.DEFINITIVE_SIGNATURE,
        ActKind.RATIFICATION,
        ActKind.ACCESSION,
        ActKind.SUCCESSION,
        ActKind.ACCEPTANCE,
        ActKind.APPROVAL,
        ActKind.FORMAL_CONFIRMATION,
        ActKind.CONSENT_TO_BE_BOUND,
    }
)

# On one day, a signature comes before anything else (a signature and a
# ratification deposited together — Ghana, 7 Sep 2000 — make a signatory that
# is at once a party).  Other same-day acts keep the order of the record: a
# denunciation taking effect at once and a new accession on the same day mean
# different things in different orders, and only the source knows which.
_ORDER = {k: 0 if k.is_signature else 1 for k in ActKind}


def _article(value: str | None) -> str | None:
    return None if value in (None, "") else str(value)


@attrs.frozen
class Act:
    """One act of one participant.

    :ivar participant: the participant's code, as the act is listed (an act of
        Serbia and Montenegro is listed under Serbia, ``"SRB"``; see
        :class:`~migrant_convention.core.universe.Universe` for who it belongs to on
        a given date).
    :ivar kind: what the act is.
    :ivar date: when it was done (deposited, signed, notified), possibly partial.
    :ivar article: for a declaration, the article it is made under (``"77"``).
    :ivar sources: where the fact comes from.
    :ivar note: free text.
    :ivar listed_as: the participant's name as the source lists it.
    """

    participant: str
    kind: ActKind
    date: PartialDate
    article: str | None = attrs.field(default=None, converter=_article)
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings)
    note: str = ""
    listed_as: str = ""

    @property
    def action(self) -> str:
        """The act as one label: ``"ratification"``, ``"declaration_art77"``."""
        return action_label(self.kind, self.article)

    def sort_key(self) -> tuple[object, ...]:  # sorted() is stable: ties keep record order
        """Chronological order; same-day acts in their natural order."""
        return (*self.date.sort_key(), _ORDER[self.kind], self.participant)

    def describe(self) -> str:
        """``"ZWE accession"``: a short description for messages."""
        return f"{self.participant} {self.action}"


def action_label(kind: ActKind, article: str | None = None) -> str:
    """Label for a kind (and article): ``declaration_art76`` for a declaration."""
    if kind is ActKind.DECLARATION and article:
        return f"declaration_art{article}"
    return kind.value


def parse_action(label: str) -> tuple[ActKind, str | None]:
    """Inverse of :func:`action_label`.

    >>> parse_action("declaration_art77")
    (<ActKind.DECLARATION: 'declaration'>, '77')

    :raises ValueError: naming the label when it is not a known kind.
    """
    if label.startswith("declaration_art") and len(label) > len("declaration_art"):
        return ActKind.DECLARATION, label[len("declaration_art") :]
    try:
        return ActKind(label), None
    except ValueError:
        known = ", ".join(k.value for k in ActKind)
        raise ValueError(
            f"unknown act kind {label!r}; known: {known}, declaration_artN"
        ) from None
