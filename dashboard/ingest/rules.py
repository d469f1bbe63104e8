"""Applies the editable activity category rules to a staged file, before it is cleaned.

A rule's regular expression is matched against the file's distinct (type, subtype,
subject, outcome) tuples one rule at a time, its pattern held in a DuckDB variable: a
pattern read from a table column would be compiled again for every row, which costs
more than the whole rest of the ingest once subjects are varied. Rules that follow one
another with the same column and category (a word in five languages) are tried as one
alternation: the first match wins either way.
"""

from __future__ import annotations

from itertools import groupby

import duckdb

from dashboard import db


def categorize_activities(cur: duckdb.DuckDBPyConnection, source: str, implied_type: str | None) -> int:
    """Fills temp table `activity_kinds` from `stage` (`implied_type`: the type of every row of a file
    without a type column): category of the first matching rule, else NULL. Returns the seed
    under which each kind's `kind_hash` is its own (the clean joins rows to kinds on it)."""
    seed = 0
    db.execute(cur, "ingest_activity_kinds", implied_type=implied_type, kind_seed=seed)
    while not db.execute(cur, "ingest_kind_hashes_unique").fetchone()[0]:
        seed += 1  # two kinds share a 64-bit hash: practically never, and another seed parts them
        db.execute(cur, "ingest_activity_kinds", implied_type=implied_type, kind_seed=seed)
    row = db.execute(cur, "ingest_kind_fields").fetchone()
    present = {name for (name, *_), has in zip(cur.description, row, strict=True) if has}
    rules = db.execute(cur, "ingest_category_rules", source=source).fetchall()
    for (field, category), run in groupby(rules, key=lambda r: (r[0], r[2])):
        if field not in present:
            continue  # a rule on a column this file does not have matches nothing
        patterns = [pattern for _, pattern, _ in run]
        either = patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)
        db.execute(cur, "ingest_rule_pattern", pattern=either)
        db.execute(cur, "ingest_categorize_kinds", field=field, category=category)
    return seed
