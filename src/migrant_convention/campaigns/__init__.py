"""Campaigns and events: a treaty's calendar and a campaign's progress.

* :mod:`.events` — dated and recurring events, and the treaty's own
  milestones computed from a record;
* :mod:`.progress` — campaigns, their targets and what changed under a treaty
  during a window;
* :mod:`.upcoming` — the calendar from a day, with anniversaries.

The names of :mod:`.progress` are importable from here, as they were from the
module ``migrant_convention.campaigns`` of 0.1.
"""

from __future__ import annotations

from .progress import (
    Campaign,
    Change,
    Measure,
    Progress,
    Target,
    TargetOutcome,
    campaign_progress,
    progress,
)

__all__ = [
    "Campaign",
    "Change",
    "Measure",
    "Progress",
    "Target",
    "TargetOutcome",
    "campaign_progress",
    "progress",
]
