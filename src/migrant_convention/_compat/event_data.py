"""``migrant_convention.event_data`` (0.1): now :mod:`migrant_convention.data.campaign_events`."""

import sys

from migrant_convention.data import campaign_events as _module

sys.modules[__name__] = _module
