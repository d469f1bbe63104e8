"""Ingest of CRM exports: read, detect, clean and store (see load.ingest_file).

The entry points below load on first use, so that importing a light part of the
package (`ingest.schema`, `ingest.presets`) does not pull in the reader and
loader (and pandas with them): the `dashboard --help` start-up stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dashboard.ingest.load import IngestOptions, IngestResult, ingest_file, ingest_stream

__all__ = ["IngestOptions", "IngestResult", "ingest_file", "ingest_stream"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("dashboard.ingest.load"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
