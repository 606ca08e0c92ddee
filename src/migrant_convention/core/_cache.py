"""Values computed from a record and a universe, cached while both live.

Records and universes are immutable, so an index built from them can be
reused for every later question; it is keyed by identity, held by weak
references, and dropped least-recently-used.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from .dates import Resolve
from .record import TreatyRecord
from .universe import Universe

_T = TypeVar("_T")


class IdentityCache(Generic[_T]):
    """Values computed from a record and a universe, kept while both live.

    Keyed by identity, not equality: hashing a record of a million acts the
    first time costs more than indexing it.  Entries hold weak references, so
    a cached index never keeps a record alive; the least recently used of more
    than *maxsize* entries are dropped.
    """

    def __init__(self, maxsize: int) -> None:
        _ALL.append(self)
        self._maxsize = maxsize
        self._entries: OrderedDict[tuple[int, int, Resolve], _Entry[_T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        record: TreatyRecord,
        universe: Universe | None,
        how: Resolve,
        build: Callable[[TreatyRecord, Universe | None, Resolve], _T],
    ) -> _T:
        key = (id(record), id(universe), how)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.record() is record:
                ref = entry.universe
                if (ref() if ref is not None else None) is universe:
                    self._entries.move_to_end(key)
                    return entry.value
        value = build(record, universe, how)

        def forget(_: object) -> None:
            with self._lock:
                if self._entries.get(key) is entry_:
                    del self._entries[key]

        entry_ = _Entry(
            weakref.ref(record, forget),
            None if universe is None else weakref.ref(universe, forget),
            value,
        )
        with self._lock:
            self._entries[key] = entry_
            while len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)
        return value

    def cache_clear(self) -> None:
        """Forget every cached value."""
        with self._lock:
            self._entries.clear()


@attrs.frozen(eq=False)
class _Entry(Generic[_T]):
    record: weakref.ref[TreatyRecord]
    universe: weakref.ref[Universe] | None
    value: _T




_ALL: list[IdentityCache[Any]] = []  # every cache, for cache_clear()


def cache_clear() -> None:
    """Forget every cached index (for benchmarks that time a cold start)."""
    for cache in _ALL:
        cache.cache_clear()
