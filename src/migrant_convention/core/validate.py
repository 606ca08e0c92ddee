"""Check a treaty record against its treaty's rules and the universe of States.

:func:`validate_record` reports every problem at once, each naming the act
(and, when the caller passes them, the file and row it came from) and the
offending value.  Only what is *certainly* wrong is reported: an act whose
imprecise date may or may not precede another is given the benefit of the
doubt.

:func:`notices` reports what a reader must know but does not make the record
invalid: a stated entry into force that the rules do not give from the acts
(the UN's table of the ICCPR lists Czechoslovakia's successors with their
1993 dates and leaves its 1975 ratification to a footnote, so the 35th
instrument comes later in the table than it did).  The stated day is the
answer; the notice says so, and the readers and the command line pass it on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..errors import Problem, raise_if_problems
from .acts import Act, ActKind
from .participants import ParticipantKind, check_code
from .record import TreatyRecord
from .rules import Role
from .universe import Universe

__all__ = ["notices", "problems", "validate_record"]


def problems(
    record: TreatyRecord,
    universe: Universe | None = None,
    *,
    locations: Sequence[str] | None = None,
) -> list[Problem]:
    """Every problem of *record*, in the order of its acts (empty if none).

    :param locations: where each act came from (same length as
        ``record.acts``), e.g. ``"icrmw_actions.csv, row 12"``; defaults to
        ``"acts[i]"``.
    """
    treaty = record.treaty
    rules = treaty.rules
    acts = record.acts
    if locations is not None and len(locations) != len(acts):
        raise ValueError("locations must have one entry per act")
    where = list(locations) if locations is not None else [f"acts[{i}]" for i in range(len(acts))]
    found: list[tuple[int, Problem]] = []

    def report(i: int, field: str, value: object, message: str, code: str) -> None:
        act = acts[i]
        found.append((i, Problem(f"{where[i]}, field '{field}'", value,
                                 f"{act.describe()}: {message}", code)))

    known = {p.code: p for p in record.participants}
    floor = treaty.adopted
    index: dict[int, int] = {id(a): i for i, a in enumerate(acts)}

    for i, act in enumerate(acts):
        lo, hi = act.date.bounded(floor)
        participant = known.get(act.participant)
        kind = participant.kind if participant else (
            ParticipantKind.STATE if len(act.participant) == 3 else ParticipantKind.ORGANIZATION
        )
        why = check_code(act.participant, kind)
        if why is not None and not (
            kind is ParticipantKind.STATE
            and check_code(act.participant, ParticipantKind.FORMER_STATE) is None
        ):
            report(i, "participant", act.participant, why, "unknown-participant")
            continue
        if act.date.latest < treaty.adopted:
            report(i, "date", str(act.date),
                   f"dated before the treaty was adopted ({treaty.adopted})", "before-opening")
        elif act.kind.is_signature and act.kind is ActKind.SIGNATURE and (
            act.date.latest < treaty.opened_for_signature
        ):
            report(i, "date", str(act.date),
                   f"signed before the treaty was opened for signature "
                   f"({treaty.opened_for_signature})", "before-opening")
        if (act.kind is ActKind.SIGNATURE and rules.signature_closes is not None
                and lo > rules.signature_closes):
            report(i, "date", str(act.date),
                   f"signed after signature closed ({rules.signature_closes})", "after-closing")
        if act.excludes:
            if rules.role(act.kind) is not Role.CONSENT:
                report(i, "excludes", ", ".join(act.excludes),
                       "only an instrument of consent can exclude parts of the treaty",
                       "bad-exclusion")
            else:
                unknown = [p for p in act.excludes if p not in rules.parts]
                twice = sorted({p for p in act.excludes if act.excludes.count(p) > 1})
                if unknown:
                    allowed = ", ".join(rules.parts) or "none"
                    report(i, "excludes", ", ".join(unknown),
                           f"not a part this treaty lets a State exclude (those it names: "
                           f"{allowed})", "bad-exclusion")
                if twice:
                    report(i, "excludes", ", ".join(twice), "excluded twice", "bad-exclusion")
        if act.kind.is_consent and act.kind not in rules.consent:
            allowed = ", ".join(sorted(k.value for k in rules.consent))
            report(i, "action", act.action,
                   f"this treaty takes consent only by {allowed}", "kind-not-allowed")
        if universe is not None and kind in (ParticipantKind.STATE, ParticipantKind.FORMER_STATE):
            if act.participant not in universe and not any(
                c in universe for c in universe.lineage(act.participant)
            ):
                report(i, "participant", act.participant,
                       "not a State of the universe on any date", "outside-universe")
            elif not (universe.in_lineage_on(act.participant, lo)
                      or universe.in_lineage_on(act.participant, hi)):
                report(i, "date", str(act.date),
                       "the State (or one it continues) is not in the universe of States then",
                       "outside-universe")
            elif act.participant in universe and (
                ceased := _ceased(universe, act.participant)
            ) is not None and lo > ceased:
                # The UN lists a successor's acts under its name even when a
                # predecessor made them (Serbia's 2004 signature, made by Serbia
                # and Montenegro), but a State that has ceased to exist does
                # nothing more: a later act under its code is a successor's,
                # miscoded.
                later = [c for c in universe.lineage(act.participant)
                         if universe.contains(c, lo)]
                report(i, "participant", act.participant,
                       f"ceased to exist on {ceased}; an act dated {act.date} cannot be its own"
                       + (f" (is it {later[0]}'s?)" if later else ""), "ceased-state")

    # Sequences, per lineage.
    groups: dict[tuple[str, ...], list[Act]] = {}
    for act in acts:
        key = universe.lineage(act.participant) if universe is not None else (act.participant,)
        groups.setdefault(key, []).append(act)
    general = treaty.general_entry_into_force(acts, lambda a: a.date.bounded(floor)[1])
    for group_acts in groups.values():
        ordered = sorted(group_acts, key=Act.sort_key)
        # The earliest a signature of the lineage can be: one comparison per
        # consent, not one per consent and signature (a hostile record with
        # many of both would take quadratic time).
        first_signed = min((a.date.bounded(floor)[0] for a in ordered if a.kind.is_signature),
                           default=None)
        bound_since: Act | None = None
        for act in ordered:
            i = index[id(act)]
            lo, hi = act.date.bounded(floor)
            if act.kind in rules.consent or act.kind.is_consent:
                if act.kind in rules.requires_signature and (
                    first_signed is None or first_signed > hi
                ):
                    report(i, "action", act.action,
                           "needs a prior signature, and there is none", "no-signature")
                if bound_since is not None:
                    report(i, "action", act.action,
                           f"a second consent to be bound (already bound by "
                           f"{bound_since.action} of {bound_since.date})", "second-consent")
                else:
                    bound_since = act
            elif act.kind is ActKind.DENUNCIATION:
                if bound_since is None:
                    report(i, "action", act.action, "denounces a treaty it is not bound by",
                           "not-a-party")
                    continue
                if rules.denunciation is None:
                    report(i, "action", act.action,
                           "this treaty has no denunciation clause", "no-denunciation-clause")
                elif (rules.denunciation.not_before is not None
                      or rules.denunciation.windows is not None):
                    deposit = bound_since.date.bounded(floor)[0]
                    in_force = rules.entry_into_force_for(general, deposit, bound_since.kind)
                    if in_force is None or general is None:
                        report(i, "date", str(act.date),
                               "denounced before the treaty entered into force for it",
                               "early-denunciation")
                    else:
                        first = rules.denunciation.first_notification(in_force)
                        window = rules.denunciation.next_notification(
                            lo, in_force=in_force, general=general)
                        if hi < first:
                            report(i, "date", str(act.date),
                                   f"denounced before it may be (not before {first})",
                                   "early-denunciation")
                        elif hi < window:
                            report(i, "date", str(act.date),
                                   "denounced outside a window for denunciation (the next "
                                   f"opens on {window})", "outside-denunciation-window")
                bound_since = None
    found.sort(key=lambda t: t[0])
    return [p for _, p in found]


def notices(record: TreatyRecord) -> list[Problem]:
    """What *record* disagrees with but that leaves it valid: a stated entry
    into force (:attr:`~migrant_convention.core.treaty.Treaty.stated_entry_into_force`)
    that the rules cannot give from the acts (code ``stated-entry-into-force``).

    The acts allow every day from the entry into force with each date at its
    earliest to the one with each at its latest; with too few instruments
    (a record that leaves some out) any day from the earliest on.  A stated
    day outside that range is reported: the stated day is the answer the
    library gives, and the acts (a record that leaves instruments out) or the
    rules (a condition they do not hold) disagree with it.  Never a silent
    override, never a refusal: the depositary's statement is the fact.
    """
    treaty = record.treaty
    stated = treaty.stated_entry_into_force
    rules = treaty.rules
    if stated is None or rules.entry_into_force is None:
        return []
    floor = treaty.adopted
    early = rules.general_entry_into_force(record.acts, lambda a: a.date.bounded(floor)[0])
    late = rules.general_entry_into_force(record.acts, lambda a: a.date.bounded(floor)[1])
    if early is None and late is None:
        # Too few instruments for the rule to give a day: the record leaves
        # out some of those that brought the treaty into force.
        rule = rules.entry_into_force
        assert rule is not None
        by_then = sum(1 for d in rules.first_deposits(
            record.acts, lambda a: a.date.bounded(floor)[0]).values() if d <= stated.day)
        return [Problem(
            "treaty, field 'stated_entry_into_force'", str(stated.day),
            f"{treaty.short_name or treaty.id} entered into force on {stated.day} as stated "
            f"({'; '.join(stated.sources)}), when {rule.instruments} instruments had been "
            f"deposited; the record has {by_then} by then, so it leaves instruments out; "
            "the stated day is the one used", "stated-entry-into-force")]
    if (early is not None and stated.day < early) or (late is not None and stated.day > late):
        computed = str(early) if early == late else f"{early} to {late or 'any later day'}"
        return [Problem(
            "treaty, field 'stated_entry_into_force'", str(stated.day),
            f"{treaty.short_name or treaty.id} entered into force on {stated.day} as stated "
            f"({'; '.join(stated.sources)}); its rules give {computed} from the record's "
            "acts, so the record leaves instruments out (a predecessor State's, kept in a "
            "table's footnote) or the rules a condition; the stated day is the one used",
            "stated-entry-into-force")]
    return []


def _ceased(universe: Universe, code: str) -> date | None:
    """The last day of *code* in *universe* if it has ceased to exist (no open
    period), else ``None``."""
    periods = universe.periods_of(code)
    if any(p.end is None for p in periods):
        return None
    return max(p.end for p in periods if p.end is not None)


def validate_record(
    record: TreatyRecord,
    universe: Universe | None = None,
    *,
    locations: Sequence[str] | None = None,
) -> None:
    """Raise :class:`~migrant_convention.errors.ValidationError` listing every
    problem of *record* (see :func:`problems`); return ``None`` if there is none."""
    raise_if_problems(
        f"invalid record of {record.treaty.short_name or record.treaty.id}",
        problems(record, universe, locations=locations),
    )

