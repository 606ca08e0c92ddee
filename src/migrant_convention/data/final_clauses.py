"""The final clauses of the core UN human-rights treaties, keyed by UN Treaty
Collection id.

Each :class:`~migrant_convention.core.treaty.Treaty` here carries the rules
of its final clauses, each citing its article, and its entry into force as
the UN states it (:attr:`~migrant_convention.core.treaty.Treaty.stated_entry_into_force`),
so that a UN Treaty Collection status table of one of these treaties, read
with :func:`~migrant_convention.formats.untc.read_table`, gives a record whose
entry into force and "in force" counts can be computed.

The nine core treaties and the optional protocols whose final clauses are
given here:

======== ========================================================= ============
id       treaty                                                    in force
======== ========================================================= ============
IV-2     ICERD, Racial Discrimination (1965)                       4 Jan 1969
IV-3     ICESCR, Economic, Social and Cultural Rights (1966)       3 Jan 1976
IV-3-a   ICESCR, Optional Protocol (2008)                          5 May 2013
IV-4     ICCPR, Civil and Political Rights (1966)                  23 Mar 1976
IV-5     ICCPR, first Optional Protocol (1966)                     23 Mar 1976
IV-12    ICCPR, second Optional Protocol (death penalty, 1989)     11 Jul 1991
IV-8     CEDAW, Discrimination against Women (1979)                3 Sep 1981
IV-8-b   CEDAW, Optional Protocol (1999)                           22 Dec 2000
IV-9     CAT, Torture (1984)                                       26 Jun 1987
IV-9-b   OP-CAT (2002)                                             22 Jun 2006
IV-11    CRC, Rights of the Child (1989)                           2 Sep 1990
IV-11-b  CRC, Optional Protocol on armed conflict (2000)           12 Feb 2002
IV-11-c  CRC, Optional Protocol on the sale of children (2000)     18 Jan 2002
IV-11-d  CRC, Optional Protocol on a communications procedure      14 Apr 2014
IV-13    ICRMW, Migrant Workers (1990)                             1 Jul 2003
IV-15    CRPD, Rights of Persons with Disabilities (2006)          3 May 2008
IV-15-a  CRPD, Optional Protocol (2006)                            3 May 2008
IV-16    CED, Enforced Disappearance (2006)                        23 Dec 2010
======== ========================================================= ============

The sources: each treaty's text as the UN Treaty Series and the OHCHR publish
it (the articles cited), and the UN Treaty Collection's status pages (MTDSG
chapter IV) for the dates of adoption, opening for signature and entry into
force.  The Migrant Workers Convention is :func:`~migrant_convention.data.icrmw_treaty`,
unchanged since 0.1 (its entry into force is computed from the bundled
record, and the UN's statement agrees).

>>> from migrant_convention.data import final_clauses as treaties
>>> crc = treaties.treaty("IV-11")
>>> crc.short_name, crc.rules.entry_into_force.instruments
('CRC', 20)
>>> sorted(treaties.treaties())[:4]
['IV-11', 'IV-11-b', 'IV-11-c', 'IV-11-d']
"""

from __future__ import annotations

from datetime import date
from functools import cache

from ..core.acts import ActKind
from ..core.rules import (
    Delay,
    DenunciationRule,
    EntryIntoForceRule,
    LaterFrom,
    Rules,
    SubjectTo,
)
from ..core.treaty import StatedDate, Treaty
from ..errors import UnknownTreatyError

__all__ = ["treaties", "treaty"]

_SG = "Secretary-General of the United Nations"
_MTDSG = "UN Treaty Collection, MTDSG chapter IV, status of {id} (entry into force)"
# Consent by ratification or accession (each treaty's articles), and by
# succession; acceptance and approval count as ratification ("consent ... is
# expressed by acceptance or approval under conditions similar to those which
# apply to ratification", Vienna Convention art. 14(2); the Secretary-General
# registers them so: the Netherlands' acceptance of the CRC, 6 Feb 1995).
_RATIFY = frozenset({ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL,
                     ActKind.ACCESSION, ActKind.SUCCESSION})
_THIRTY_DAYS = Delay(days=30)
_THREE_MONTHS = Delay(months=3)


def _after_nth(instruments: int, delay: Delay, *, subject_to: Treaty | None = None
               ) -> EntryIntoForceRule:
    """"... after the deposit of the Nth instrument"; "for each State ratifying
    ... after the deposit of the Nth instrument ..., on the same delay after
    the deposit of its own" (the later States count from the Nth instrument);
    "subject to the entry into force of" *subject_to*, a protocol's parent."""
    condition = None
    if subject_to is not None:
        assert subject_to.stated_entry_into_force is not None
        condition = SubjectTo(subject_to.id, subject_to.stated_entry_into_force)
    return EntryIntoForceRule(instruments, delay, delay, LaterFrom.INSTRUMENTS,
                              subject_to=condition)


def _after_eif(instruments: int, delay: Delay, later: Delay) -> EntryIntoForceRule:
    """"For each State ratifying ... after its entry into force, ... *later*
    after the deposit of its own instrument"."""
    return EntryIntoForceRule(instruments, delay, later)


def _denounced_after(delay: Delay) -> DenunciationRule:
    return DenunciationRule(takes_effect=delay)


def _treaty(id: str, short: str, title: str, adopted: date, opened: date, in_force: date,
            rules: Rules) -> Treaty:
    return Treaty(id=id, title=title, short_name=short, adopted=adopted,
                  opened_for_signature=opened, depositary=_SG, rules=rules, place="New York",
                  stated_entry_into_force=StatedDate(in_force, (_MTDSG.format(id=id),)))


@cache
def treaties() -> dict[str, Treaty]:
    """Every treaty whose final clauses are bundled, by UN Treaty Collection id
    (the Migrant Workers Convention, ``"IV-13"``, among them)."""
    from . import icrmw_treaty

    one_year = _denounced_after(Delay(months=12))
    # The two that protocols are "subject to" (named before the list).
    # Art. 48; art. 49 (as ICESCR art. 27); no denunciation clause.
    iccpr = _treaty("IV-4", "ICCPR", "International Covenant on Civil and Political Rights",
                    date(1966, 12, 16), date(1966, 12, 19), date(1976, 3, 23),
                    Rules(_after_nth(35, _THREE_MONTHS), _RATIFY))
    # Arts. 42-44 (ratification, formal confirmation by regional integration
    # organisations, accession); art. 45: thirtieth day after the 20th
    # instrument, after its own for each later State or organisation; art. 48:
    # denunciation one year after receipt.
    crpd = _treaty("IV-15", "CRPD", "Convention on the Rights of Persons with Disabilities",
                   date(2006, 12, 13), date(2007, 3, 30), date(2008, 5, 3),
                   Rules(_after_nth(20, _THIRTY_DAYS),
                         _RATIFY | {ActKind.FORMAL_CONFIRMATION},
                         {ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL,
                          ActKind.FORMAL_CONFIRMATION},
                         denunciation=one_year))
    found = [
        # Arts. 17-18 (ratification, accession); art. 19: thirtieth day after
        # the 27th instrument, and for each later State the thirtieth day after
        # its own; art. 21: denunciation one year after receipt.
        _treaty("IV-2", "ICERD",
                "International Convention on the Elimination of All Forms of Racial "
                "Discrimination", date(1965, 12, 21), date(1966, 3, 7), date(1969, 1, 4),
                Rules(_after_nth(27, _THIRTY_DAYS), _RATIFY, denunciation=one_year)),
        # Art. 26 (ratification, accession); art. 27: three months after the
        # 35th instrument, and after its own for each later State; no
        # denunciation clause (Human Rights Committee, General Comment 26).
        _treaty("IV-3", "ICESCR",
                "International Covenant on Economic, Social and Cultural Rights",
                date(1966, 12, 16), date(1966, 12, 19), date(1976, 1, 3),
                Rules(_after_nth(35, _THREE_MONTHS), _RATIFY)),
        # Art. 17 (ratification, accession, by States party to the Covenant);
        # art. 18: three months after the 10th instrument, and after its own
        # for each State after the 10th ("5 May 2013, in accordance with
        # article 18(1)", the UN's page); art. 20: denunciation six months
        # after receipt.
        _treaty("IV-3-a", "OP-ICESCR",
                "Optional Protocol to the International Covenant on Economic, Social and "
                "Cultural Rights", date(2008, 12, 10), date(2009, 9, 24), date(2013, 5, 5),
                Rules(_after_nth(10, _THREE_MONTHS), _RATIFY,
                      denunciation=_denounced_after(Delay(months=6)))),
        iccpr,
        # Art. 8; art. 9: "Subject to the entry into force of the Covenant",
        # three months after the 10th instrument (deposited on 12 Dec 1973,
        # before the Covenant's 35th), after its own for each later State;
        # art. 12: denunciation three months after receipt.
        _treaty("IV-5", "ICCPR-OP1",
                "Optional Protocol to the International Covenant on Civil and Political Rights",
                date(1966, 12, 16), date(1966, 12, 19), date(1976, 3, 23),
                Rules(_after_nth(10, _THREE_MONTHS, subject_to=iccpr), _RATIFY,
                      denunciation=_denounced_after(_THREE_MONTHS))),
        # Art. 7; art. 8: three months after the 10th instrument, after its
        # own for each later State; no denunciation clause.
        _treaty("IV-12", "ICCPR-OP2",
                "Second Optional Protocol to the International Covenant on Civil and "
                "Political Rights, aiming at the abolition of the death penalty",
                date(1989, 12, 15), date(1989, 12, 15), date(1991, 7, 11),
                Rules(_after_nth(10, _THREE_MONTHS), _RATIFY)),
        # Art. 25; art. 27: thirtieth day after the 20th instrument, after its
        # own for each later State; no denunciation clause.
        _treaty("IV-8", "CEDAW",
                "Convention on the Elimination of All Forms of Discrimination against Women",
                date(1979, 12, 18), date(1980, 3, 1), date(1981, 9, 3),
                Rules(_after_nth(20, _THIRTY_DAYS), _RATIFY)),
        # Art. 15; art. 16: three months after the 10th instrument, and for
        # each State "after its entry into force" three months after its own;
        # art. 19: denunciation six months after receipt.
        _treaty("IV-8-b", "OP-CEDAW",
                "Optional Protocol to the Convention on the Elimination of All Forms of "
                "Discrimination against Women", date(1999, 10, 6), date(1999, 12, 10),
                date(2000, 12, 22),
                Rules(_after_eif(10, _THREE_MONTHS, _THREE_MONTHS), _RATIFY,
                      denunciation=_denounced_after(Delay(months=6)))),
        # Arts. 25-26; art. 27: thirtieth day after the 20th instrument, after
        # its own for each later State; art. 31: denunciation one year after receipt.
        _treaty("IV-9", "CAT",
                "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment "
                "or Punishment", date(1984, 12, 10), date(1985, 2, 4), date(1987, 6, 26),
                Rules(_after_nth(20, _THIRTY_DAYS), _RATIFY, denunciation=one_year)),
        # Arts. 27; art. 28: thirtieth day after the 20th instrument, after its
        # own for each later State; art. 33: denunciation one year after receipt.
        _treaty("IV-9-b", "OP-CAT",
                "Optional Protocol to the Convention against Torture and Other Cruel, "
                "Inhuman or Degrading Treatment or Punishment", date(2002, 12, 18),
                date(2003, 2, 4), date(2006, 6, 22),
                Rules(_after_nth(20, _THIRTY_DAYS), _RATIFY, denunciation=one_year)),
        # Arts. 46-48; art. 49: thirtieth day after the 20th instrument, after
        # its own for each later State; art. 52: denunciation one year after receipt.
        _treaty("IV-11", "CRC", "Convention on the Rights of the Child", date(1989, 11, 20),
                date(1990, 1, 26), date(1990, 9, 2),
                Rules(_after_nth(20, _THIRTY_DAYS), _RATIFY, denunciation=one_year)),
        # Art. 9; art. 10: three months after the 10th instrument, and for each
        # State "after its entry into force" one month after its own; art. 11:
        # denunciation one year after receipt (not before the end of an armed
        # conflict the State is engaged in, which the model does not know).
        _treaty("IV-11-b", "OPAC",
                "Optional Protocol to the Convention on the Rights of the Child on the "
                "involvement of children in armed conflict", date(2000, 5, 25),
                date(2000, 6, 5), date(2002, 2, 12),
                Rules(_after_eif(10, _THREE_MONTHS, Delay(months=1)), _RATIFY,
                      denunciation=one_year)),
        # Art. 13; art. 14 (as OPAC art. 10); art. 15: denunciation one year.
        _treaty("IV-11-c", "OPSC",
                "Optional Protocol to the Convention on the Rights of the Child on the sale "
                "of children, child prostitution and child pornography", date(2000, 5, 25),
                date(2000, 6, 5), date(2002, 1, 18),
                Rules(_after_eif(10, _THREE_MONTHS, Delay(months=1)), _RATIFY,
                      denunciation=one_year)),
        # Art. 18 (ratification, accession); art. 19: three months after the
        # 10th instrument, and after its own for each State after the 10th
        # ("14 April 2014, in accordance with article 19(1)"); art. 22:
        # denunciation one year after receipt.
        _treaty("IV-11-d", "OPIC",
                "Optional Protocol to the Convention on the Rights of the Child on a "
                "communications procedure", date(2011, 12, 19), date(2012, 2, 28),
                date(2014, 4, 14),
                Rules(_after_nth(10, _THREE_MONTHS), _RATIFY, denunciation=one_year)),
        icrmw_treaty(),
        crpd,
        # Arts. 10-12; art. 13: "Subject to the entry into force of the
        # Convention", the thirtieth day after the 10th instrument (the 10th
        # came before the Convention's 20th), after its own for each later
        # one; art. 16: denunciation one year after receipt.
        _treaty("IV-15-a", "OP-CRPD",
                "Optional Protocol to the Convention on the Rights of Persons with "
                "Disabilities", date(2006, 12, 13), date(2007, 3, 30), date(2008, 5, 3),
                Rules(_after_nth(10, _THIRTY_DAYS, subject_to=crpd),
                      _RATIFY | {ActKind.FORMAL_CONFIRMATION},
                      {ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL,
                       ActKind.FORMAL_CONFIRMATION},
                      denunciation=one_year)),
        # Art. 38; art. 39: thirtieth day after the 20th instrument, after its
        # own for each later State; no denunciation clause.
        _treaty("IV-16", "CED",
                "International Convention for the Protection of All Persons from Enforced "
                "Disappearance", date(2006, 12, 20), date(2007, 2, 6), date(2010, 12, 23),
                Rules(_after_nth(20, _THIRTY_DAYS), _RATIFY)),
    ]
    return {t.id: t for t in sorted(found, key=lambda t: t.id)}


def treaty(id: str) -> Treaty:
    """The bundled treaty with UN Treaty Collection id *id* (``"IV-11"``), or
    its short name (``"CRC"``, any case).

    :raises UnknownTreatyError: naming the treaties known.
    """
    known = treaties()
    key = id.strip() if isinstance(id, str) else ""
    found = known.get(key) or next(
        (t for t in known.values() if t.short_name.casefold() == key.casefold()), None)
    if found is None:
        raise UnknownTreatyError(str(id), tuple(known))
    return found
