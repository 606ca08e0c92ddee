"""Normalising names for exact lookups: now in :mod:`migrant_convention.places.names`,
the one home of names and codes; re-exported here for the modules that still
import it from this path."""

from __future__ import annotations

from ..places.names import fold_name

__all__ = ["fold_name"]
