"""Which mapping a file is loaded with, and whether it can be loaded as it stands.

A saved profile for the same header row wins; the user's own mapping (the mapping
screen, `--map`) is laid over what detection found; and a detection that is missing
a required field, rests on a guess, or fits two kinds equally is a reason to ask,
said in one sentence that names the columns.
"""

from __future__ import annotations

from dashboard import db
from dashboard.ingest import profiles, read
from dashboard.ingest.detect import Detection, detect, from_mapping, header_score, overlay, signature
from dashboard.ingest.options import IngestOptions
from dashboard.ingest.schema import KINDS


def header_scorer(database: db.Database) -> read.HeaderScore:
    """Rates candidate header rows; a row with a saved mapping profile beats any other."""
    saved = profiles.signatures(database)

    def score(cells: list[str]) -> int:
        return header_score(cells) + (1000 if saved and signature(cells) in saved else 0)

    return score


def detection_for(
    database: db.Database, headers: list[str], options: IngestOptions, sample: list[list[str]]
) -> Detection:
    """The mapping to load with: the user's whole mapping, a saved profile, or detection with the
    fields the user named (--map) laid over it."""
    if options.mapping and options.kind and not options.partial_mapping:
        return from_mapping(headers, options.kind, options.source or "generic", options.mapping)
    saved = profiles.find(database, headers)
    if (
        saved
        and not options.mapping
        and options.kind in (None, saved.kind)
        and options.source in (None, saved.source)
    ):
        return from_mapping(headers, saved.kind, saved.source, saved.mapping)
    found = detect(headers, options.kind, options.source, sample)
    kind = options.kind or found.kind
    if not options.mapping or kind is None:
        return found
    # the fields the user named (--map), the rest as detected
    same_kind = found if found.kind == kind else None
    return overlay(same_kind, headers, kind, options.source or found.source, options.mapping)


def problem(detection: Detection, options: IngestOptions) -> str | None:
    headers = ", ".join(detection.headers) or "(none)"
    refused = "".join(f"; {r}" for r in detection.refused)
    if detection.kind is None:
        kinds = ", ".join(KINDS)
        return (
            f"could not tell what kind of file this is ({kinds}); "
            f"unmatched columns: {headers}{refused}. Name the kind with --kind and the CRM with --source, "
            "or map the columns once on the Upload page"
        )
    unmatched = ", ".join(detection.unmatched_headers) or "(none)"
    if detection.missing:
        missing = ", ".join(KINDS[detection.kind].field(f).label for f in detection.missing)
        first = detection.missing[0]
        others = "".join(f"; it could also be a {o}" for o in detection.other_readings)
        return (
            f"as {detection.kind} ({detection.source}), no column found for: {missing}; "
            f"unmatched columns: {unmatched}{refused}{others}. Say which column holds it with --map "
            f"{first}=COLUMN (or on the Upload page), or name another kind with --kind"
        )
    if detection.doubts and not options.mapping:
        doubts = "; ".join(detection.doubts)
        return (
            f"read as {detection.kind} ({detection.source}), but {doubts}{refused}. Confirm the columns on "
            "the Upload page, or say which column holds what with --map FIELD=COLUMN"
        )
    if detection.alternatives and not options.kind:
        others = ", ".join(detection.alternatives)
        return (
            f"the columns fit both {detection.kind} and {others}; "
            f"say which with --kind (unmatched columns: {unmatched})"
        )
    return None
