"""Exports shaped like the ones nine CRMs really write, loaded as a new user would: unmapped.

Each folder of tests/fixtures/crm/ holds one CRM's export files, written from its
documented export headers (cited in `headers_from` and in dashboard/ingest/presets/),
with values in the CRM's own formats, and `expected.json`: the files in upload order and
what a correct ingest stores for each (kind, source, rows, activity categories, deal
statuses, amounts, currencies, and the reps the rows resolve to).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file
from dashboard.ingest.detect import SOURCES
from tests.stored import fetch

FIXTURES = Path(__file__).parent / "fixtures" / "crm"
CRMS = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())


def _rows(database: Database, sql: str, upload_id: int) -> dict:
    return dict(fetch(database, sql, upload_id))


def _check(database: Database, folder: Path, spec: dict) -> list[str]:
    """What differs between loading one file and its expectation, in words (empty: all as expected)."""
    result = ingest_file(database, folder / spec["file"], IngestOptions())
    where = f"{folder.name}/{spec['file']}"
    if result.status != "loaded":
        return [f"{where}: {result.status}: {result.message}"]
    found = []
    got = {"kind": result.kind, "source": result.source, "rows_loaded": result.rows_loaded}
    for key, value in got.items():
        wanted = spec.get(key, value)
        if value != wanted and not (isinstance(wanted, list) and value in wanted):
            found.append(f"{where}: {key} {value!r}, expected {wanted!r}")
    upload = result.upload_id
    if "categories" in spec:
        stored = _rows(
            database, "SELECT category, count(*) FROM activities WHERE upload_id = ? GROUP BY 1", upload
        )
        if stored != spec["categories"]:
            found.append(f"{where}: categories {stored}, expected {spec['categories']}")
    if "statuses" in spec:
        sql = "SELECT status, count(*) FROM opportunity_snapshots WHERE upload_id = ? GROUP BY 1"
        if (stored := _rows(database, sql, upload)) != spec["statuses"]:
            found.append(f"{where}: statuses {stored}, expected {spec['statuses']}")
    if "amount_total" in spec:
        sql = (
            "SELECT 'total', coalesce(sum(amount), 0)::DOUBLE FROM opportunity_snapshots WHERE upload_id = ?"
        )
        total = _rows(database, sql, upload)["total"]
        if abs(total - spec["amount_total"]) > 0.01:
            found.append(f"{where}: amount total {total}, expected {spec['amount_total']}")
    if "currencies" in spec:
        sql = "SELECT currency, count(*) FROM opportunity_snapshots WHERE upload_id = ? GROUP BY 1"
        stored = {k: v for k, v in _rows(database, sql, upload).items() if k is not None}
        if stored != spec["currencies"]:
            found.append(f"{where}: currencies {stored}, expected {spec['currencies']}")
    if "reps" in spec and (reps := _reps(database, result.kind, upload)) != sorted(spec["reps"]):
        found.append(f"{where}: reps {reps}, expected {sorted(spec['reps'])}")
    return found


def _reps(database: Database, kind: str, upload_id: int) -> list[str]:
    """The reps one upload's rows name, as the app shows them (IDs and e-mails resolved)."""
    named = {
        "roster": "SELECT rep AS name FROM reps WHERE upload_id = ?",
        "activities": "SELECT rep AS name FROM activities WHERE upload_id = ?",
        "opportunities": "SELECT owner AS name FROM opportunity_snapshots WHERE upload_id = ?",
    }[kind]
    sql = (
        f"SELECT DISTINCT coalesce(a.rep, n.name) FROM ({named}) n "
        "LEFT JOIN rep_aliases() a ON a.alias = lower(trim(n.name)) ORDER BY 1"
    )
    return [r for (r,) in fetch(database, sql, upload_id)]


@pytest.mark.parametrize("crm", CRMS)
def test_crm_exports_load_unmapped_and_right(crm: str, tmp_path: Path) -> None:
    folder = FIXTURES / crm
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    database = Database(tmp_path / f"{crm}.duckdb")
    try:
        problems = [p for spec in expected["files"] for p in _check(database, folder, spec)]
    finally:
        database.close()
    assert not problems, "\n".join(problems)


def test_every_crm_of_the_issue_has_fixtures() -> None:
    wanted = set(SOURCES) - {"generic"}  # every CRM with presets: the nine of issue 13
    assert len(wanted) == 9
    assert wanted <= set(CRMS)
    for crm in wanted:
        kinds = {f["kind"] for f in json.loads((FIXTURES / crm / "expected.json").read_text())["files"]}
        assert {"roster", "activities", "opportunities"} <= kinds, crm
