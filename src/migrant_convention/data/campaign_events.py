"""The bundled events and campaigns, loaded on first use (never at import).

* :func:`events` — 56 curated events: the *Step It Up* campaign, a
  labour-migration timeline (ILO conventions, the Convention's adoption and
  entry into force, global forums and compacts), and two recurring
  observances (International Migrants Day, every 18 December since 2000;
  International Domestic Workers Day, every 16 June since 2012), every row
  with its sources.
* :func:`step_it_up` — the campaign "Step It Up: Dignity, Rights,
  Development" (18 December 2014 – 18 December 2015), its eight organisers
  and its events.
* :func:`campaigns` — every bundled campaign.

>>> from migrant_convention import event_data
>>> len(event_data.events()), event_data.DATASET.as_of
(56, datetime.date(2025, 12, 31))
>>> c = event_data.step_it_up()
>>> c.start, c.end, len(c.organisers)
(datetime.date(2014, 12, 18), datetime.date(2015, 12, 18), 8)
"""

from __future__ import annotations

from datetime import date
from functools import cache

from .. import _bundled
from ..campaigns.events import Event
from ..campaigns.progress import Campaign
from ..formats.event_csv import read_events

__all__ = ["DATASET", "campaign", "campaigns", "events", "step_it_up"]

#: The bundled events file (its entry in the one registry of bundled files).
DATASET = _bundled.dataset("campaign_events")

_STEP_IT_UP_SOURCES = (
    "https://gfmd2010.wordpress.com/2014/12/18/on-internationalmigrantsday-new-step-it-up-"
    "campaign-to-ratify-un-convention-launched/",
    "http://www.mfasia.org/",
    "http://www.migrantsrightsinternational.org/step-it-up-dignity-rights-development/",
    "https://www.migrant-rights.org/2014/12/step-it-up-campaign-launches-on-international-"
    "migrants-day/",
    "https://adnasia.org/2015/12/02/sc-member-news-migrant-forum-in-asia-campaign-of-step-it-"
    "up-dignity-rights-development/",
)

# The consortium as Migrant Forum in Asia lists it (campaign_notes.md, section 2).
_STEP_IT_UP_ORGANISERS = (
    "Migrant Forum in Asia",
    "OHCHR",
    "ILO",
    "South Asian Regional Trade Union Council",
    "Diplomacy Training Program",
    "Arab Network for Migrants' Rights",
    "Solidarity Center",
    "Migrant Rights International",
)

# The rows of campaign_events.csv that are the campaign's own events, as the
# notes list them: its origin, launch and end, and the events it ran or promoted.
_STEP_IT_UP_EVENTS = (
    "Dubai civil-society gathering that initiated the Step It Up campaign",
    "Launch of 'Step It Up: Dignity, Rights, Development' (online platform cmw25.org)",
    "MFA International Migrants Day 2014 statement announcing Step It Up",
    "Global Mobilization for Migrants' Rights (May Day)",
    "Panel celebrating the ICRMW's 25th anniversary at the Seventh Meeting of States Parties",
    "CMW half-day panel marking the 25th anniversary of the Convention",
    "ILO launches global media competition 'Reporting Fairly on Labour Migration'",
    "Migrants' Campaign Month 2015 (Step It Up)",
    "Winners of ILO 'Reporting Fairly on Labour Migration' competition announced",
    "#OurParty: Facebook party for International Migrants Day and the Convention's "
    "25th anniversary",
    "25th anniversary of the adoption of the ICRMW (International Migrants Day 2015)",
    "End of the Step It Up year-long campaign",
)


@cache
def events() -> tuple[Event, ...]:
    """The bundled curated events, in the order of the file, validated."""
    return read_events(_bundled.text(DATASET.name), DATASET.file)


def _pick(titles: tuple[str, ...]) -> tuple[Event, ...]:
    by_title = {e.title: e for e in events()}
    missing = [t for t in titles if t not in by_title]
    if missing:  # the data and this list must change together
        raise LookupError(f"campaign events missing from {DATASET.file}: {missing}")
    return tuple(sorted((by_title[t] for t in titles), key=Event.sort_key))


@cache
def step_it_up() -> Campaign:
    """"Step It Up: Dignity, Rights, Development" (18 Dec 2014 – 18 Dec 2015).

    It promoted the Migrant Workers Convention (UNTC IV-13) first, and ILO
    Conventions 97, 143, 181 and 189 (ADN Asia, Dec 2015).  No source states
    a numeric target, so it has none.
    """
    return Campaign(
        name="Step It Up: Dignity, Rights, Development",
        start=date(2014, 12, 18),
        end=date(2015, 12, 18),
        organisers=_STEP_IT_UP_ORGANISERS,
        treaties=("IV-13", "ILO C097", "ILO C143", "ILO C181", "ILO C189"),
        events=_pick(_STEP_IT_UP_EVENTS),
        description=(
            "Year-long campaign launched on International Migrants Day 2014, ahead of the "
            "Convention's 25th anniversary, led by Migrant Forum in Asia with a consortium; "
            "it prioritised States that had signed but not ratified."
        ),
        sources=_STEP_IT_UP_SOURCES,
    )


def campaigns() -> tuple[Campaign, ...]:
    """Every bundled campaign."""
    return (step_it_up(),)


def campaign(name: str) -> Campaign:
    """The bundled campaign whose name contains *name* (case-insensitive).

    :raises LookupError: if none or several match.
    """
    found = [c for c in campaigns() if c.matches(name)]
    if len(found) != 1:
        known = "; ".join(c.name for c in campaigns())
        what = "no" if not found else "more than one"
        raise LookupError(f"{what} bundled campaign matches {name!r}; known: {known}")
    return found[0]
