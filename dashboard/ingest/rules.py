"""Applies the editable activity category rules to a cleaned file.

A rule's regular expression is matched against the file's distinct (type,
subject) pairs one rule at a time, its pattern held in a DuckDB variable: a
pattern read from a table column would be compiled again for every row, which
costs more than the whole rest of the ingest once subjects are varied.
"""

from __future__ import annotations

import duckdb

from dashboard import db


def categorize_activities(cur: duckdb.DuckDBPyConnection, source: str) -> None:
    """Fills temp table `activity_kinds` from `clean`: category of the first matching rule, else NULL."""
    db.execute(cur, "ingest_activity_kinds")
    row = db.execute(cur, "ingest_kind_fields").fetchone()
    present = {name for (name, *_), has in zip(cur.description, row, strict=True) if has}
    for field, pattern, category in db.execute(cur, "ingest_category_rules", source=source).fetchall():
        if field not in present:
            continue  # a rule on a column this file does not have matches nothing
        db.execute(cur, "ingest_rule_pattern", pattern=pattern)
        db.execute(cur, "ingest_categorize_kinds", field=field, category=category)
