"""The ILO's migrant-worker conventions, bundled: C097, C143 and C189.

Their final clauses follow the ILO's pattern, not the UN's
(:func:`ilo_rules`): a ratification is *registered* by the Director-General
of the International Labour Office (the act's date is the registration's);
the convention enters into force twelve months after two ratifications are
registered, and for every later Member twelve months after its own
registration; a Member may denounce only in the year after each period of
ten years from the convention's first entry into force, the denunciation
taking effect one year after it is registered.  C097 lets a Member exclude
its Annexes, C143 its Part I or Part II (:attr:`Act.excludes
<migrant_convention.core.acts.Act.excludes>`).

Each convention carries its stated entry into force with its sources
(:attr:`Treaty.stated_entry_into_force
<migrant_convention.core.treaty.Treaty.stated_entry_into_force>`), checked
against what the rule allows from the registrations: C143's two triggering
registrations are known only to the year.

**Denominators.**  ILO conventions are open to the Members of the ILO,
which are not the bundled universe of States for UN treaties (the Cook
Islands is an ILO Member, and several UN Members are not).  Counts use the
universe the caller passes; with the bundled one, "no action" means a State
of that universe that has not registered a ratification, whether or not it
is an ILO Member.

>>> from migrant_convention.data import ilo
>>> ilo.c189().treaty.stated_entry_into_force.day
datetime.date(2013, 9, 5)
"""

from __future__ import annotations

from datetime import date
from functools import cache

from .. import _bundled
from ..core.acts import ActKind
from ..core.record import TreatyRecord
from ..core.rules import (
    Alignment,
    Delay,
    DenunciationRule,
    DenunciationWindows,
    EntryIntoForceRule,
    LaterFrom,
    Rules,
)
from ..core.treaty import StatedDate, Treaty
from ..core.validate import validate_record
from ..formats.csvio import read_acts

__all__ = ["c097", "c097_treaty", "c143", "c143_treaty", "c189", "c189_treaty", "ilo_rules"]

_DEPOSITARY = "Director-General of the International Labour Office"
# "Twelve months after the date on which ... has been registered", counted
# from month end to month end (Spain: C189 in force for it on 29 Feb 2024).
_TWELVE_MONTHS = Delay(months=12, alignment=Alignment.MONTH_END)


def ilo_rules(parts: tuple[str, ...] = ()) -> Rules:
    """The ILO's standard final clauses, with the *parts* a ratification may exclude.

    * consent by ratification only, registered by the Director-General; no
      signature (ILO conventions are adopted by the Conference, not signed);
    * "It shall come into force twelve months after the date on which the
      ratifications of two Members have been registered with the
      Director-General.  Thereafter, this Convention shall come into force
      for any Member twelve months after the date on which its ratification
      has been registered" (C189 art. 21(2)-(3); C143 art. 18; C097 art. 13);
    * "A Member which has ratified this Convention may denounce it after the
      expiration of ten years from the date on which the Convention first
      comes into force ... Such denunciation shall not take effect until one
      year after the date on which it is registered"; a Member that does not
      denounce "within the year following the expiration of the period of ten
      years" is bound for another ten, and so on (C189 art. 22; C143 art. 19;
      C097 art. 17).

    >>> rules = ilo_rules()
    >>> rules.entry_into_force.general([date(2012, 6, 14), date(2012, 9, 5)])
    datetime.date(2013, 9, 5)
    """
    return Rules(
        entry_into_force=EntryIntoForceRule(2, _TWELVE_MONTHS, _TWELVE_MONTHS,
                                            LaterFrom.INSTRUMENTS),
        consent=frozenset({ActKind.RATIFICATION}),
        requires_signature=frozenset(),
        denunciation=DenunciationRule(takes_effect=_TWELVE_MONTHS,
                                      windows=DenunciationWindows(10, 12)),
        parts=parts,
    )


@cache
def c097_treaty() -> Treaty:
    """The Migration for Employment Convention (Revised), 1949 (No. 97).

    Art. 14: a ratification may exclude any or all of its three Annexes.
    In force 22 January 1952 (NORMLEX; Dutch treaty database).
    """
    return Treaty(
        id="C097",
        title="Migration for Employment Convention (Revised), 1949 (No. 97)",
        short_name="C097",
        adopted=date(1949, 7, 1),
        opened_for_signature=date(1949, 7, 1),
        depositary=_DEPOSITARY,
        rules=ilo_rules(("Annex I", "Annex II", "Annex III")),
        place="Geneva",
        stated_entry_into_force=StatedDate(date(1952, 1, 22), (
            "ILO NORMLEX, C097 (fr): entrée en vigueur 22 janv. 1952",
            "Dutch treaty database, verdragenbank.overheid.nl 007101",
        )),
    )


@cache
def c143_treaty() -> Treaty:
    """The Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143).

    Art. 16: a ratification may exclude Part I or Part II.  In force 9
    December 1978 (the two registrations that brought it into force are
    known only to the year: 1977).
    """
    return Treaty(
        id="C143",
        title="Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143)",
        short_name="C143",
        adopted=date(1975, 6, 24),
        opened_for_signature=date(1975, 6, 24),
        depositary=_DEPOSITARY,
        rules=ilo_rules(("Part I", "Part II")),
        place="Geneva",
        stated_entry_into_force=StatedDate(date(1978, 12, 9), (
            "ILO NORMLEX, C143: date of coming into force 09:12:1978 (lnf.org.lb copy)",
            "Wikipedia, Migrant Workers (Supplementary Provisions) Convention, 1975 "
            "(2015 mirrors): date in force December 9, 1978",
        )),
    )


@cache
def c189_treaty() -> Treaty:
    """The Domestic Workers Convention, 2011 (No. 189).

    In force 5 September 2013, twelve months after the second registration,
    the Philippines' of 5 September 2012 (art. 21(2)).
    """
    return Treaty(
        id="C189",
        title="Domestic Workers Convention, 2011 (No. 189)",
        short_name="C189",
        adopted=date(2011, 6, 16),
        opened_for_signature=date(2011, 6, 16),
        depositary=_DEPOSITARY,
        rules=ilo_rules(),
        place="Geneva",
        stated_entry_into_force=StatedDate(date(2013, 9, 5), (
            "ILO news, 5 Sep 2012: the Philippines, the second country, brings the "
            "Convention into force in twelve months",
            "Swiss Federal Council, C189 Geltungsbereich: Uruguay, in force 5 Sep 2013",
        )),
    )


def _record(name: str, treaty: Treaty) -> TreatyRecord:
    meta = _bundled.dataset(name)
    acts, participants = read_acts(_bundled.text(meta.name), meta.file)
    record = TreatyRecord(treaty, acts, participants, meta.as_of, meta.sources)
    # Validated without the bundled universe, which is the UN's: the ILO
    # dates some registrations before the UN universe has the State (North
    # Macedonia's successions, 1991; Guyana's of 8 June 1966, after its
    # independence, before its admission to the UN).  Counted with that
    # universe, such a State counts from the day the universe has it.
    validate_record(record, locations=[f"{meta.file}, row {i + 2}" for i in range(len(acts))])
    return record


@cache
def c097() -> TreatyRecord:
    """The bundled record of C097: all 54 registrations, four with no date.

    Those four (Mauritius, Nigeria, the United Kingdom, Zambia) are known
    only to be on or before the dataset's "as of" date, so a count they could
    change is undecidable (refused under the default strict policy) on any
    day before it.
    """
    return _record("ilo_c097", c097_treaty())


@cache
def c143() -> TreatyRecord:
    """The bundled record of C143 (29 registrations, most known to the year)."""
    return _record("ilo_c143", c143_treaty())


@cache
def c189() -> TreatyRecord:
    """The bundled record of C189 (36 registrations, complete through April 2023)."""
    return _record("ilo_c189", c189_treaty())
