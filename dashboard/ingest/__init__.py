"""Ingest of CRM exports: read, detect, clean and store (see load.ingest_file)."""

from dashboard.ingest.load import IngestOptions, IngestResult, ingest_file, ingest_stream

__all__ = ["IngestOptions", "IngestResult", "ingest_file", "ingest_stream"]
