"""A file that leaves a metric empty is told so only when nothing stored brings it for its weeks.

Loaded as a manager would: several exports in one `dashboard ingest a.csv b.csv` (the Upload
page loads its files the same way, then settles the notes with `ingest.batch.settle`). A calls
and e-mails log loaded with the meetings export of the same weeks is not warned that it holds no
first meetings, in either order; the same log loaded alone is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dashboard.cli import app

# calls and e-mails: a log of several kinds of activity, which could have held first meetings
LOG = (
    "Record ID,Activity type,Activity date,Activity assigned to,Title\n"
    "101,CALL,2026-10-05 09:00,Ana Souza,Outbound call\n"
    "102,EMAIL,2026-10-06 10:00,Ana Souza,Re: pricing\n"
    "103,CALL,2026-10-07 11:00,Ana Souza,Follow-up call\n"
)
MEETINGS = (
    "Record ID,Meeting name,Activity date,Activity assigned to,Call and meeting type,Meeting outcome\n"
    "201,Globex intro,2026-10-08 10:00,Ana Souza,First Meeting,Completed\n"
)
NO_FIRST_MEETINGS = "no first meetings recognized among these 3 activities"


def _ingest(tmp_path: Path, *names: str) -> str:
    files = {"log.csv": LOG, "meetings.csv": MEETINGS}
    for name in names:
        (tmp_path / name).write_text(files[name], encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "store.duckdb"), "ingest", *(str(tmp_path / n) for n in names)]
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("names", [("log.csv", "meetings.csv"), ("meetings.csv", "log.csv")])
def test_a_log_loaded_with_its_meetings_is_not_warned(tmp_path: Path, names: tuple[str, ...]) -> None:
    output = _ingest(tmp_path, *names)
    assert "log.csv: 3 activities rows loaded" in output
    assert NO_FIRST_MEETINGS not in output


def test_a_log_loaded_alone_is_warned(tmp_path: Path) -> None:
    assert NO_FIRST_MEETINGS in _ingest(tmp_path, "log.csv")


def test_meetings_of_other_weeks_do_not_answer_the_note(tmp_path: Path) -> None:
    (tmp_path / "later.csv").write_text(MEETINGS.replace("2026-10-08", "2026-10-22"), encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "--db",
            str(tmp_path / "s.duckdb"),
            "ingest",
            str(tmp_path / "log.csv"),
            str(tmp_path / "later.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert NO_FIRST_MEETINGS in result.output
