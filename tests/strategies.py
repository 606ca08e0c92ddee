"""Hypothesis strategies for the model classes (shared by the serialisation tests)."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import strategies as st

from migrant_convention import (
    Act,
    ActKind,
    Alignment,
    Basis,
    Counts,
    Delay,
    DenunciationRule,
    EntryIntoForceRule,
    Membership,
    PartialDate,
    Participant,
    ParticipantKind,
    Rules,
    Treaty,
    TreatyRecord,
    Universe,
)
from migrant_convention.core.universe import period_problems

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
# Text as every reader accepts it: characters (no lone surrogate) and no
# control character (see migrant_convention._rows.text_problem).
chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))
text = st.text(chars, max_size=12)
# Sources as the CSV can hold them: non-empty, no " | " separator, no edge blanks.
source = st.from_regex(r"[A-Za-z0-9./:;()%-][A-Za-z0-9 ./:;()%-]{0,20}[A-Za-z0-9./:;()%-]",
                       fullmatch=True).filter(lambda s: " | " not in s)

partial_dates = st.one_of(
    st.builds(PartialDate.day, days, uncertain=st.booleans()),
    st.builds(PartialDate.month, st.integers(1900, 2100), st.integers(1, 12),
              uncertain=st.booleans()),
    st.builds(PartialDate.year, st.integers(1900, 2100), uncertain=st.booleans()),
    st.builds(PartialDate.on_or_before, days),
)

codes = st.sampled_from(["ALB", "DZA", "SRB", "MEX", "TUR", "CPV"])
former_codes = st.sampled_from(["SUN", "YUG", "CSK", "DDR"])

participants = st.one_of(
    st.builds(Participant, codes, text, st.just(ParticipantKind.STATE),
              st.lists(text, max_size=2)),
    st.builds(Participant, former_codes, text, st.just(ParticipantKind.FORMER_STATE)),
    st.builds(Participant, st.sampled_from(["ORG-EU", "ORG-WHO"]), text,
              st.just(ParticipantKind.ORGANIZATION)),
    st.builds(Participant, st.sampled_from(["HKG", "MAC"]), text,
              st.just(ParticipantKind.TERRITORY)),
)

acts = st.builds(
    Act,
    st.one_of(codes, former_codes),
    st.sampled_from([k for k in ActKind if k is not ActKind.DECLARATION]),
    partial_dates,
    st.none(),
    st.lists(source, max_size=3),
    text,
    text,
) | st.builds(Act, codes, st.just(ActKind.DECLARATION), partial_dates,
              st.sampled_from(["76", "77"]), st.lists(source, max_size=2), text, text)

delays = st.builds(Delay, months=st.integers(0, 60), days=st.integers(0, 400),
                   alignment=st.sampled_from(Alignment))
eif_rules = st.builds(EntryIntoForceRule, st.integers(1, 100), delays, delays)
denunciation_rules = st.builds(DenunciationRule, delays, st.none() | delays)
consent_kinds = st.frozensets(st.sampled_from([k for k in ActKind if k.is_consent]), min_size=1)
rules = st.builds(Rules, eif_rules, consent_kinds, consent_kinds, st.none() | denunciation_rules,
                  st.none() | days)


@st.composite
def treaties(draw: st.DrawFn) -> Treaty:
    adopted = draw(days)
    opened = draw(st.dates(min_value=adopted, max_value=date(2100, 12, 31)))
    return Treaty(draw(text), draw(text), draw(text), adopted, opened, draw(text), draw(rules),
                  draw(text))


records = st.builds(TreatyRecord, treaties(), st.lists(acts, max_size=5),
                    st.lists(participants, max_size=3), st.none() | days,
                    st.lists(source, max_size=2))


@st.composite
def memberships(draw: st.DrawFn) -> Membership:
    start = draw(days)
    end = draw(st.none() | st.dates(min_value=start, max_value=date(2100, 12, 31)))
    return Membership(draw(codes), draw(text), start, end, draw(st.sampled_from(Basis)),
                      draw(st.none() | former_codes),
                      draw(st.sampled_from(["current", "none", "historic:SUHH"])),
                      draw(st.lists(source, max_size=2)))


@st.composite
def universes(draw: st.DrawFn) -> Universe:
    # One period per code keeps periods from overlapping.
    periods = draw(st.lists(memberships(), max_size=4, unique_by=lambda m: m.code))
    # A State continues one of the universe (never one without a period, nor
    # itself), and only when their periods do not overlap (a lineage is one
    # State at a time): what Universe accepts.
    codes = [p.code for p in periods]
    for i, p in enumerate(periods):
        others = [c for c in codes if c != p.code]
        cont = draw(st.none() | st.sampled_from(others)) if others else None
        periods[i] = attrs.evolve(p, continues=None)
        if cont is not None:
            tried = [*periods[:i], attrs.evolve(p, continues=cont), *periods[i + 1:]]
            if not period_problems(tried):
                periods = tried
    return Universe(periods, draw(st.none() | days), draw(st.lists(source, max_size=2)))


@st.composite
def counts(draw: st.DrawFn) -> Counts:
    parts = draw(st.lists(st.integers(0, 200), min_size=4, max_size=4))
    in_force = draw(st.integers(0, parts[0]))
    total_signed = draw(st.integers(parts[1], parts[0] + parts[1]))
    return Counts(draw(days), parts[0], in_force, parts[1], total_signed, parts[2], parts[3],
                  sum(parts))
