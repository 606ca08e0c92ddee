"""Test configuration: Hypothesis settings profiles.

``HYPOTHESIS_PROFILE=ci`` (what ``.ci/run`` uses) keeps the suite quick on two
cores; ``HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per property.
The default is ``dev``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
