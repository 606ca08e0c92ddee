"""The acts by which participants take part in a treaty.

Each kind of act is modelled as what it is (:class:`ActKind`), and knows
whether it makes its author a signatory, expresses consent to be bound, or
neither.  A participant's status is always *derived* from its acts.
"""

from __future__ import annotations

import difflib
import enum
from datetime import date, datetime
from typing import Any, cast

import attrs

from ._convert import an_instance, enum_member, fail, strings, text, tuple_of
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
    #: A declaration accepting the obligations of a treaty, effective on
    #: admission: each State admitted to the United Nations after 1945
    #: (Charter, art. 4; UN Treaty Collection I-2).  Consent to be bound.
    DECLARATION_OF_ACCEPTANCE = "declaration_of_acceptance"
    #: A signature subject to confirmation by the signer's State ("s" in some
    #: tables); confirmed, it is a full signature (Vienna Convention, art.
    #: 12(2)(b)).  Makes a signatory from its date.
    SIGNATURE_AD_REFERENDUM = "signature_ad_referendum"
    #: The confirmation of a signature ad referendum ("C"): the signature,
    #: already counted from its date, stands.  Changes no status.
    CONFIRMATION_OF_SIGNATURE = "confirmation_of_signature"
    PROVISIONAL_APPLICATION = "provisional_application"
    #: A provisional acceptance (or accession) pending a definitive one, as the
    #: commodity study groups take them (XIX-34, XIX-35).  Changes no status.
    PROVISIONAL_ACCEPTANCE = "provisional_acceptance"
    #: An undertaking to apply the treaty, to a territory or (the annexes to the
    #: Specialized Agencies Convention, III-2-1 to III-2-18, section 43) to a
    #: specialized agency, by a State bound by the treaty.  Changes no status.
    APPLICATION = "application"
    #: A notification under a named article (see :attr:`Act.article`), e.g. under
    #: art. 25 of the UNIDO Constitution (X-9).  Changes no status.
    NOTIFICATION = "notification"
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


_SIGNATURES = frozenset(
    {ActKind.SIGNATURE, ActKind.SUCCESSION_TO_SIGNATURE, ActKind.SIGNATURE_AD_REFERENDUM}
)
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
        ActKind.DECLARATION_OF_ACCEPTANCE,
    }
)
#: Kinds made under a named article, which their label carries
#: (``declaration_art77``, ``notification_art25``).
_UNDER_ARTICLE = (ActKind.DECLARATION, ActKind.NOTIFICATION)

# On one day, a signature comes before anything else (a signature and a
# ratification deposited together — Ghana, 7 Sep 2000 — make a signatory that
# is at once a party).  Other same-day acts keep the order of the record: a
# denunciation taking effect at once and a new accession on the same day mean
# different things in different orders, and only the source knows which.
# A signature ad referendum is a signature (0); its confirmation, a
# provisional acceptance, an application and a notification come with the
# other acts (1).
_ORDER = {k: 0 if k.is_signature else 1 for k in ActKind}


def _article(value: str | int | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return cast(str, value)  # a str, or what the validator refuses


def _kind(value: ActKind | str) -> ActKind:
    return enum_member(ActKind, value)


def _when(value: PartialDate | date) -> PartialDate:
    if isinstance(value, date) and not isinstance(value, datetime):
        return PartialDate.day(value)
    return cast(PartialDate, value)  # a PartialDate, or what the validator refuses


def _check_when(inst: Act, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, PartialDate):
        return
    hint = ""
    if isinstance(value, datetime):
        hint = "; use .date() of a datetime"
    elif isinstance(value, str):
        hint = f"; use PartialDate.parse({_short_text(value)}) for text"
    fail(inst, attribute.name, "a PartialDate or a datetime.date", value, hint=hint)


def _short_text(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


@attrs.frozen
class Act:
    """One act of one participant.

    :ivar participant: the participant's code, as the act is listed (an act of
        Serbia and Montenegro is listed under Serbia, ``"SRB"``; see
        :class:`~migrant_convention.core.universe.Universe` for who it belongs to on
        a given date).
    :ivar kind: what the act is.
    :ivar date: when it was done (deposited, signed, notified), possibly partial.
    :ivar article: for a declaration or a notification, the article it is made
        under (``"77"``, ``"7(1)(b)"``).
    :ivar sources: where the fact comes from.
    :ivar note: free text.
    :ivar listed_as: the participant's name as the source lists it.
    :ivar excludes: for an instrument of consent, the parts of the treaty it
        does not accept, as the treaty names them (``("Annex II",)`` for
        France's ratification of the ILO's C097, ``("Part II",)`` for
        Sweden's of C143); the treaty's :attr:`Rules.parts
        <migrant_convention.core.rules.Rules.parts>` lists those that may be
        excluded.  Empty for most acts.

    The fields are checked when the act is built, and two conversions are
    made on purpose: *kind* may be given as an :class:`ActKind`'s value
    (``"ratification"``), and *date* as a :class:`datetime.date`, which means
    that exact day (``PartialDate.day(d)``); an *article* given as a number
    is kept as text (``77`` → ``"77"``), *sources* as any iterable of text.
    Anything else of the wrong type — a ``datetime`` or a number as the
    date, a participant that is not a ``str``, an unknown kind — raises a
    :class:`TypeError` (:class:`ValueError` for an unknown kind's name)
    naming the field and the value:

    >>> Act("NOR", "ratification", date(2021, 1, 5))
    Act(participant='NOR', kind=<ActKind.RATIFICATION: 'ratification'>, \
date=PartialDate.parse('2021-01-05'), ...)
    >>> Act("NOR", "ratification", 20210105)
    Traceback (most recent call last):
    TypeError: Act.date must be a PartialDate or a datetime.date, got 20210105 (int)
    """

    participant: str = attrs.field(validator=text())
    kind: ActKind = attrs.field(converter=_kind, validator=an_instance(ActKind))
    date: PartialDate = attrs.field(converter=_when, validator=_check_when)
    article: str | None = attrs.field(default=None, converter=_article,
                                      validator=text(optional=True))
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings,
                                           validator=tuple_of(str))
    note: str = attrs.field(default="", validator=text())
    listed_as: str = attrs.field(default="", validator=text())
    excludes: tuple[str, ...] = attrs.field(default=(), converter=strings,
                                            validator=tuple_of(str))

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
    """Label for a kind (and article): ``declaration_art76`` for a declaration,
    ``notification_art25`` for a notification under an article."""
    if kind in _UNDER_ARTICLE and article:
        return f"{kind.value}_art{article}"
    return kind.value


def parse_action(label: str) -> tuple[ActKind, str | None]:
    """Inverse of :func:`action_label`.

    >>> parse_action("declaration_art77")
    (<ActKind.DECLARATION: 'declaration'>, '77')
    >>> parse_action("notification_art7(1)(b)")
    (<ActKind.NOTIFICATION: 'notification'>, '7(1)(b)')

    :raises ValueError: naming the label when it is not a known kind.
    """
    for kind in _UNDER_ARTICLE:
        prefix = f"{kind.value}_art"
        if label.startswith(prefix) and len(label) > len(prefix):
            return kind, label[len(prefix) :]
    try:
        return ActKind(label), None
    except ValueError:
        pass
    values = [k.value for k in ActKind]
    close = difflib.get_close_matches(label, values, n=1)
    if close:  # a typo: the likely kind, not the list of all of them
        raise ValueError(f"unknown act kind {label!r}; did you mean {close[0]!r}? (an ActKind "
                         f"value, declaration_artN or notification_artN)")
    known = ", ".join(values)
    raise ValueError(
        f"unknown act kind {label!r}; known: {known}, declaration_artN, notification_artN")
