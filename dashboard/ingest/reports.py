"""What a stored file tells the user beyond its counts, in plain sentences.

Run inside the upload's transaction, after its rows are stored: which rows were not
stored and why, how activities were categorized (and which metric a file leaves
without data), which owner IDs no roster resolves yet, which names in the file no roster
entry carries, which reps came without a team.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import duckdb

from dashboard import db
from dashboard.name_links import likely_rep
from dashboard.wording import count

if TYPE_CHECKING:
    from dashboard.ingest.result import IngestResult

MAX_LISTED = 100
SAME_PERSON = "Uploads page, or dashboard names link"  # where a leader says a name is a roster rep
OFF_ROSTER_SHOWN = 3  # names off the roster a note lists by name, then "and N more"
# Metrics read from one activity category: a file that brings activities but none of
# these leaves the metric at 0 for everyone, which a manager must hear about.
METRIC_CATEGORIES = {
    "call": "calls",
    "first_meeting": "first meetings",
    "prospecting": "prospecting time",
}
# ... prospecting time is no data (not 0) while no upload holds any (queries/rep_weekly_metrics.sql)
READ_AS = {"call": "0", "first_meeting": "0", "prospecting": "0 (no data while no upload holds any)"}
NO_TEAM = "No team yet"


def duplicates(
    cur: duckdb.DuckDBPyConnection, upload_id: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(counts by upload that holds them, None for repeats within the file; the first rows and why)."""
    counts = db.execute(cur, "ingest_duplicate_counts", upload_id=upload_id).fetchall()
    if not counts:
        return [], []
    rows = db.execute(cur, "ingest_duplicate_rows", upload_id=upload_id, limit=MAX_LISTED).fetchall()
    return (
        [{"upload_id": u, "rows": n} for u, n in counts],
        [{"row": r, "reason": why} for r, why in rows],
    )


def categories(cur: duckdb.DuckDBPyConnection, upload_id: int) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Activities stored per category, and the commonest uncategorized types, subtypes and subjects."""
    counts = dict(db.execute(cur, "ingest_category_counts", upload_id=upload_id).fetchall())
    other = db.execute(cur, "ingest_uncategorized", upload_id=upload_id, limit=5).fetchall()
    return counts, [{"field": f, "value": v, "rows": n} for f, v, n in other]


def empty_categories(counts: dict[str, int]) -> list[str]:
    """The metric categories a file leaves empty where it could have held them: a log of several
    kinds of activity (or with unrecognized ones) without calls or prospecting, a file with meetings
    but no first meeting. A calls-only or meetings-only export says nothing of the rest."""
    families = {"meeting" if c == "first_meeting" else c for c, n in counts.items() if n and c != "other"}
    general = len(families) > 1 or counts.get("other", 0) > 0
    could_hold = {
        "call": general,
        "prospecting": general,
        "first_meeting": general or counts.get("meeting", 0) > 0,
    }
    return [c for c in METRIC_CATEGORIES if could_hold[c] and not counts.get(c)]


def empty_category_note(category: str, counts: dict[str, int]) -> str:
    """The note for a metric category a file of these category counts left empty."""
    label, total = METRIC_CATEGORIES[category], sum(counts.values())
    return (
        f"no {label} recognized among these {total:,} activities: {label} read {READ_AS[category]} for "
        "this file's weeks unless another upload brings them. If some of them are, assign their type or "
        "title to a category on the Upload page"
    )


def still_empty(cur: duckdb.DuckDBPyConnection, upload_id: int, categories: list[str]) -> list[str]:
    """The categories of `categories` that no stored activity holds in the weeks of this upload's
    activities (another upload, earlier or in the same batch, may bring them)."""
    if not categories:
        return []
    stored = {c for (c,) in db.execute(cur, "ingest_categories_in_weeks", upload_id=upload_id).fetchall()}
    return [c for c in categories if c not in stored]


def unresolved_ids(cur: duckdb.DuckDBPyConnection, kind: str) -> list[str]:
    """A note naming the owner IDs of the file that no roster entry resolves to a name."""
    query = "ingest_unresolved_rep_ids" if kind == "activities" else "ingest_unresolved_owner_ids"
    ids = [i for (i,) in db.execute(cur, query).fetchall()]
    if not ids:
        return []
    shown = ", ".join(ids[:20]) + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")
    return [
        f"{len(ids)} owner IDs are not in the roster yet ({shown}): upload the CRM's user export "
        "(with both the ID and the name) and they will show as names"
    ]


def off_roster(cur: duckdb.DuckDBPyConnection, kind: str, ids_told: bool) -> list[str]:
    """A note naming the file's reps that no roster entry carries (not even but for accents and
    case), with their rows, when a roster is loaded: each counts as a rep of their own, without a team.
    `ids_told`: the names that look like owner IDs have their own note (`unresolved_ids`)."""
    query = "ingest_off_roster_reps" if kind == "activities" else "ingest_off_roster_owners"
    found = db.execute(cur, query, skip_ids=ids_told).fetchall()
    if not found:
        return []
    roster = [rep for (rep,) in db.execute(cur, "ingest_roster_names").fetchall()]
    shown = ", ".join(
        f"{name} ({rows:,} {'row' if rows == 1 else 'rows'}{_likely(name, roster)})"
        for name, rows in found[:OFF_ROSTER_SHOWN]
    )
    more = len(found) - OFF_ROSTER_SHOWN
    if more > 0:
        shown += f" and {more} more"
    if len(found) == 1:
        return [
            f"1 name in this file is not on the roster: {shown}. Add it to the roster, say which roster "
            f"rep it is ({SAME_PERSON}), or correct its spelling in the CRM; else its rows count for a rep "
            "of their own, without a team"
        ]
    return [
        f"{len(found)} names in this file are not on the roster: {shown}. Add them to the roster, say "
        f"which roster rep each is ({SAME_PERSON}), or correct their spelling in the CRM; else their rows "
        "count for reps of their own, without a team"
    ]


def _likely(name: str, roster: list[str]) -> str:
    """', perhaps Maëlle Chevalier of the roster?' when one roster name is a near spelling of `name`
    (`name_links.likely_rep`), else ''."""
    rep = likely_rep(name, roster)
    return f", perhaps {rep} of the roster?" if rep else ""


def mixed_currencies(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """A note for a pipeline file whose deals are in several currencies (added without conversion)."""
    found = db.execute(cur, "ingest_file_currencies").fetchall()
    if len(found) < 2:
        return []
    shown = ", ".join(f"{code} {rows:,}" for code, rows in found)
    return [f"this file mixes currencies ({shown}): totals add the amounts as they are, without conversion"]


def teamless(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """A note for a roster without a team column."""
    kept, without = db.execute(cur, "ingest_teamless_reps", no_team=NO_TEAM).fetchone()
    notes = []
    if kept:
        notes.append(f"this file has no team column: {count(kept, 'rep')} kept the team they had")
    if without:
        notes.append(
            f"this file has no team column: {count(without, 'rep')} {'is' if without == 1 else 'are'} listed "
            f"under {NO_TEAM!r} until a "
            "roster with teams is uploaded"
        )
    return notes


def tell(cur: duckdb.DuckDBPyConnection, result: IngestResult) -> None:
    """Adds to `result` what the stored file tells the user beyond its counts (the reports above)."""
    assert result.upload_id is not None
    if result.kind == "activities":
        if result.duplicates_skipped:
            db.execute(cur, "ingest_activity_holders", upload_id=result.upload_id)
            counts, rows = duplicates(cur, result.upload_id)
            result.duplicates = counts
            result.notes += [f"row {d['row']}: {d['reason']}" for d in rows[:3]]
        result.categories, result.uncategorized = categories(cur, result.upload_id)
        result.empty_categories = still_empty(cur, result.upload_id, empty_categories(result.categories))
        result.notes += [empty_category_note(c, result.categories) for c in result.empty_categories]
    if result.kind in ("activities", "opportunities"):
        ids_told = not result.detection or result.detection.names_by_id
        if ids_told:
            result.notes += unresolved_ids(cur, result.kind)
        result.notes += off_roster(cur, result.kind, ids_told)
    if result.kind == "opportunities":
        result.notes += mixed_currencies(cur)
    if result.kind == "roster":
        result.notes += teamless(cur)
