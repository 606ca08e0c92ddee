"""Delays and treaties with varied final clauses."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ...core.acts import ActKind
from ...core.dates import LAST_DAY
from ...core.rules import (
    Alignment,
    Delay,
    DenunciationRule,
    DenunciationWindows,
    EntryIntoForceRule,
    LaterFrom,
    Rules,
    StatedDate,
    SubjectTo,
)
from ...core.treaty import Treaty
from ._args import _check_int, _check_range
from ._dates import DEFAULT_MAX_DATE, DEFAULT_MIN_DATE
from ._vocabulary import _CONSENT_KINDS


def delays(*, max_months: int = 24, max_days: int = 90) -> SearchStrategy[Delay]:
    """:class:`~migrant_convention.core.rules.Delay` values of up to *max_months*
    months and *max_days* days, with any alignment (none, the first of the
    next month, month end to month end).

    Shrinks towards no delay at all (``Delay()``).
    """
    _check_int(max_months, "max_months", 0)
    _check_int(max_days, "max_days", 0)
    return st.builds(
        Delay,
        months=st.integers(0, max_months),
        days=st.integers(0, max_days),
        alignment=st.sampled_from(list(Alignment)),
    )


def treaties(
    min_value: date = DEFAULT_MIN_DATE,
    max_value: date = DEFAULT_MAX_DATE,
    *,
    max_instruments: int = 10,
    denunciation: bool | None = None,
) -> SearchStrategy[Treaty]:
    """:class:`~migrant_convention.core.treaty.Treaty` values adopted within the
    bounds, with varied rules: the consent kinds and which of them need a
    prior signature, 1 to *max_instruments* instruments for entry into force,
    the delays and their alignment (general and for later participants), from
    when a later participant counts its own delay (the UN's "after entry into
    force" or the ILO's and the CRC's "after the last instrument needed",
    :class:`~migrant_convention.core.rules.LaterFrom`), sometimes a condition
    on the entry into force (a protocol "subject to the entry into force" of
    its parent, :class:`~migrant_convention.core.rules.SubjectTo`), a
    denunciation clause
    (always with *denunciation* true, never with false, either by default)
    with or without a minimum period and sometimes only in windows (the ILO's
    "within the year following ... each period of ten years",
    :class:`~migrant_convention.core.rules.DenunciationWindows`), sometimes
    parts that a consent may exclude, and sometimes a last day for signature.
    Treaties like the ILO's conventions (:func:`~migrant_convention.data.ilo.ilo_rules`)
    are among them.

    Shrinks towards a treaty adopted and opened on one day near 1 January
    2000, consent by ratification needing a signature, one instrument, no
    delays, no condition, no denunciation clause, signature never closing.
    """
    lo, hi = _check_range(min_value, max_value)
    _check_int(max_instruments, "max_instruments", 1)
    if denunciation is not None and not isinstance(denunciation, bool):
        raise InvalidArgument(f"denunciation={denunciation!r} must be True, False or None")

    @st.composite
    def build(draw: st.DrawFn) -> Treaty:
        adopted = draw(st.dates(lo, hi))
        opened = adopted + timedelta(days=draw(st.integers(0, min(365, (hi - adopted).days))))
        consent = draw(st.sets(st.sampled_from(_CONSENT_KINDS), min_size=1))
        needing = frozenset(
            k for k in sorted(consent, key=_CONSENT_KINDS.index)
            # drawn as "not exempt", so examples shrink towards needing a signature
            if k not in (ActKind.ACCESSION, ActKind.DEFINITIVE_SIGNATURE)
            and not draw(st.booleans())
        )
        delay = draw(delays())
        from_nth = draw(st.booleans())
        subject_to = None
        if draw(st.booleans()):
            # A protocol "subject to the entry into force" of its parent,
            # which entered into force within ten years of its adoption.
            parent = adopted + timedelta(days=draw(st.integers(0, 3653)))
            subject_to = SubjectTo("T-PARENT", StatedDate(min(parent, LAST_DAY),
                                                          "generated parent treaty"))
        eif = EntryIntoForceRule(
            instruments=draw(st.integers(1, max_instruments)), delay=delay,
            later_delay=delay if from_nth else draw(delays()),
            later_from=LaterFrom.INSTRUMENTS if from_nth else LaterFrom.ENTRY_INTO_FORCE,
            subject_to=subject_to)
        has_clause = draw(st.booleans()) if denunciation is None else denunciation
        rule = None
        if has_clause:
            not_before = draw(st.none() | delays(max_months=72))
            windows = None
            if draw(st.booleans()):
                windows = DenunciationWindows(every_years=draw(st.integers(1, 10)),
                                              open_months=draw(st.integers(1, 12)))
            rule = DenunciationRule(takes_effect=draw(delays()), not_before=not_before,
                                    windows=windows)
        parts = draw(st.sampled_from([(), ("Part I", "Part II"),
                                      ("Annex I", "Annex II", "Annex III")]))
        closes = None
        if draw(st.booleans()):
            closes = opened + timedelta(days=draw(st.integers(0, 3650)))
        number = draw(st.integers(1, 99))
        return Treaty(
            id=f"T-{number}",
            title=f"Generated Convention no. {number}",
            short_name=f"GC{number}",
            adopted=adopted,
            opened_for_signature=opened,
            depositary="Secretary-General of the United Nations",
            rules=Rules(entry_into_force=eif, consent=consent, requires_signature=needing,
                        denunciation=rule, signature_closes=closes, parts=parts),
        )

    return build()
