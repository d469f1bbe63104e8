"""How many queries one process runs at once: the rest queue for a slot instead of failing.

DuckDB's memory cap (`DASHBOARD_MEMORY_LIMIT`) is shared by every query of the
process, so sixteen sessions querying at once ran out of memory where four did
not. A query waits for one of `$DASHBOARD_QUERY_SLOTS` slots (default: the
number of cores, at least 2) for as long as the store's wait allows; queries
nested inside one another in a thread share that thread's slot.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dashboard.connections import StoreBusy
from dashboard.store_lock import wait_seconds


def slot_count() -> int:
    """`$DASHBOARD_QUERY_SLOTS`, else the number of cores (at least 2)."""
    try:
        return max(1, int(os.environ["DASHBOARD_QUERY_SLOTS"]))
    except (KeyError, ValueError):
        return max(2, os.cpu_count() or 2)


_slots = threading.BoundedSemaphore(slot_count())
_depth = threading.local()


@contextmanager
def query_slot() -> Iterator[None]:
    """Holds one slot while the block runs (the thread's own slot when it holds one already)."""
    depth = getattr(_depth, "n", 0)
    if depth == 0 and not _slots.acquire(timeout=wait_seconds()):
        raise StoreBusy("The app is answering many requests at once; try again in a moment.")
    _depth.n = depth + 1
    try:
        yield
    finally:
        _depth.n = depth
        if depth == 0:
            _slots.release()
