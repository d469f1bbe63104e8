"""A euro company's amounts stay in euros when its pipeline upload is undone.

Driven as a user would, on the command line: the exports loaded, the pipeline undone, then a
rep's trend read with its target in money. The currency comes from the current pipeline, else
from the latest pipeline upload that named one (migration 0025), never back to dollars. (The
pages read the same `currency.of_data` in the frame; AppTest runs the page where the frame's
choice of currency is not seen, so the browser check is by hand: /tmp screenshots in the report.)
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dashboard import currency, uploads
from dashboard.cli import app
from dashboard.db import Database
from dashboard.ingest import IngestOptions, ingest_file

ROSTER = b"rep,team,manager\nAda Park,North,Mia Chen\n"
ACTIVITIES = b"rep,date,type,subject\nAda Park,2026-10-05,Call,Call\n"
PIPELINE = (
    b"opportunity_id,owner,stage,amount,currency,created_date,close_date,snapshot_date\n"
    b"O1,Ada Park,Proposal,120000,EUR,2026-09-01,2026-12-15,2026-10-09\n"
    b"O2,Ada Park,Discovery,40000,EUR,2026-09-20,2027-01-30,2026-10-09\n"
)


TARGETS = b"metric,value,period,team,rep,effective_from\npipeline_created,50000,week,,,2026-01-01\n"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _target_shown(store: Path) -> str:
    """The weekly target of new pipeline value as `dashboard trend` prints it for the latest week."""
    lines = _cli("trend", "--db", str(store), "Ada Park", "--metric", "pipeline_created").splitlines()
    return lines[-1].split()[-1]


def test_amounts_stay_in_euros_after_the_pipeline_upload_is_undone(tmp_path: Path) -> None:
    store = tmp_path / "store.duckdb"
    files = [
        ("roster.csv", ROSTER),
        ("activities.csv", ACTIVITIES),
        ("targets.csv", TARGETS),
        ("pipe.csv", PIPELINE),
    ]
    for name, content in files:
        (tmp_path / name).write_bytes(content)
    _cli("ingest", "--db", str(store), *(str(tmp_path / name) for name, _ in files))
    assert _target_shown(store) == "€50,000"

    assert "upload 4 undone: 2 rows removed" in _cli("undo", "--db", str(store), "4")
    assert _target_shown(store) == "€50,000"  # was $50,000: no pipeline stored, dollars assumed


def test_the_pipeline_still_stored_comes_before_an_undone_uploads_currency(database: Database, write) -> None:
    euros = ingest_file(database, write("eur.csv", PIPELINE.decode()), IngestOptions())
    pounds = PIPELINE.decode().replace("EUR", "GBP").replace("O1,", "P1,").replace("O2,", "P2,")
    later = ingest_file(
        database, write("gbp.csv", pounds.replace("2026-10-09", "2026-10-16")), IngestOptions()
    )
    assert currency.of_data(database) == "EUR"  # two pipelines of two deals each: a tie, read alphabetically
    uploads.undo(database, later.upload_id or 0)
    assert currency.of_data(database) == "EUR"  # the euro pipeline is still stored
    uploads.undo(database, euros.upload_id or 0)
    assert currency.of_data(database) == "GBP"  # none stored: the latest pipeline upload's currency
