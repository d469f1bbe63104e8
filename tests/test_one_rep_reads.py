"""One rep's weekly metrics read with their spellings bound (`queries/rep_weekly_metrics_of_rep.sql`,
what an agenda draft reads) equal that rep's rows of the company read (`queries/rep_weekly_metrics.sql`,
where each metric is defined), for every rep and many windows of weeks.

The cases a one-rep read could get wrong: a rep logging under other spellings (case, padding, e-mail,
CRM user ID) and a name seen without a roster entry; a roster upload that moves a rep to another team
and one that ends a rep's time on the team; a new hire starting mid-range; pipeline snapshots carried
forward between uploads and past the last; won-revenue targets of the company, a team and a rep
(quota for pipeline coverage), starting mid-week and ending.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import metrics, roster, targets
from dashboard.db import Database
from dashboard.ingest import ingest_file

ROSTER = """rep,email,user_id,team,manager,start_date,end_date
Ana Lopez,ana@example.com,005A1,East,Mia Ford,2024-01-08,
Ben Cho,ben@example.com,,East,Mia Ford,2026-03-04,
Cara Diaz,cara@example.com,005C3,West,Lu Park,2023-05-01,
"""
ROSTER_LATER = """rep,email,user_id,team,manager,start_date,end_date
Cara Diaz,cara@example.com,005C3,East,Mia Ford,2023-05-01,2026-04-08
"""  # Cara moves to East, and leaves in April

ACTIVITY_ROWS = [  # (rep as the export writes it, day, type, minutes, outcome, account)
    ("Ana Lopez", "2026-01-05", "Call", 5, "Connected", "Acme"),
    ("ana lopez", "2026-01-13", "Call", 3, "No answer", "Beta"),
    ("  ANA LOPEZ ", "2026-02-02", "Prospecting block", 60, "", ""),
    ("ana@example.com", "2026-02-09", "Meeting", 45, "", "Acme"),
    ("005A1", "2026-03-02", "Call", 4, "Spoke with CFO", "Gamma"),
    ("Ana Lopez", "2026-03-30", "Call", 2, "Left voicemail", "Acme"),
    ("Ana Lopez", "2026-04-20", "First meeting", 30, "", "Delta"),
    ("ben@example.com", "2026-03-09", "Call", 1, "Connected", ""),
    ("Ben Cho", "2026-03-16", "Call", 6, "Connected", "Epsilon"),
    ("005C3", "2026-01-20", "Call", 2, "Connected", "Zeta"),
    ("Cara Diaz", "2026-03-10", "Prospecting block", 90, "", ""),
    ("cara@example.com", "2026-04-06", "Call", 3, "No answer", "Zeta"),
    ("Dev Rao", "2026-02-16", "Call", 4, "Connected", "Omega"),  # no roster entry
    ("dev rao ", "2026-03-23", "Call", 2, "No answer", ""),
]

OPPORTUNITY_HEADER = (
    "opportunity_id,opportunity_name,owner,account,stage,amount,"
    "created_date,close_date,lead_source,snapshot_date\n"
)
SNAPSHOTS = {
    "2026-01-19": """\
O1,Acme renewal,Ana Lopez,Acme,Negotiation,120000,2025-11-03,2026-03-20,Cold Call,2026-01-19
O2,Beta pilot,ana@example.com,Beta,Closed Lost,50000,2025-12-01,2026-01-14,Cold Call,2026-01-19
O6,Zeta expansion,005C3,Zeta,Proposal,80000,2025-12-15,2026-05-29,Outbound,2026-01-19
O8,Omega deal,Dev Rao,Omega,Discovery,20000,2026-01-05,2026-06-30,Web,2026-01-19
""",
    "2026-03-09": """\
O1,Acme renewal,Ana Lopez,Acme,Closed Won,120000,2025-11-03,2026-03-04,Cold Call,2026-03-09
O3,Gamma rollout,005A1,Gamma,Proposal,150000,2026-02-23,2026-05-29,Web,2026-03-09
O5,Epsilon,Ben Cho,Epsilon,Discovery,30000,2026-03-05,2026-06-30,Webinar,2026-03-09
O6,Zeta expansion,Cara Diaz,Zeta,Closed Won,95000,2025-12-15,2026-03-02,Outbound,2026-03-09
O8,Omega deal,dev rao,Omega,Closed Lost,20000,2026-01-05,2026-02-27,Web,2026-03-09
""",
    "2026-04-13": """\
O3,Gamma rollout,Ana Lopez,Gamma,Proposal,200000,2026-02-23,2026-05-29,Web,2026-04-13
O4,Delta trial,ana lopez,Delta,Qualification,,2026-04-01,2026-06-30,Outbound,2026-04-13
O5,Epsilon,ben@example.com,Epsilon,Closed Won,30000,2026-03-05,2026-04-08,Webinar,2026-04-13
O7,Eta,Cara Diaz,Eta,Discovery,110000,2026-03-30,2026-07-31,Outbound,2026-04-13
""",
}  # after 13 Apr no snapshot: the last carries forward

TARGETS = """metric,value,period,team,rep,effective_from,effective_to
won_revenue,900000,year,,,2025-01-01,
won_revenue,300000,quarter,East,,2026-02-11,
won_revenue,50000,month,,ana lopez ,2026-03-18,2026-04-14
won_revenue,20000,week,West,,2026-01-01,2026-03-31
calls,20,week,East,,2026-01-01,
"""

WINDOWS = [
    (dt.date(2026, 1, 5), dt.date(2026, 5, 25)),  # the whole span, beyond the last snapshot
    (dt.date(2026, 3, 2), dt.date(2026, 4, 13)),  # windows looking back into weeks before them
    (dt.date(2026, 4, 6), dt.date(2026, 4, 6)),  # one week
    (dt.date(2025, 6, 2), dt.date(2025, 9, 1)),  # before any data
]
ONE_REP = tuple(m for m in metrics.METRIC_NAMES if m not in metrics.ACCOUNT_METRICS.values())


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _activities() -> str:
    lines = ["activity_id,rep,date,type,subject,duration_minutes,outcome,account"]
    for n, (rep, day, kind, minutes, outcome, account) in enumerate(ACTIVITY_ROWS):
        lines.append(f"X{n},{rep},{day},{kind},{kind},{minutes},{outcome},{account}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def store_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("one_rep")
    database = Database(folder / "store.duckdb")
    files = [
        ("roster.csv", ROSTER),
        ("activities.csv", _activities()),
        *((f"pipeline-{day}.csv", OPPORTUNITY_HEADER + rows) for day, rows in SNAPSHOTS.items()),
        ("targets.csv", TARGETS),
        ("roster-later.csv", ROSTER_LATER),
    ]
    for name, text in files:
        result = ingest_file(database, _write(folder, name, text))
        assert result.status == "loaded" and result.rows_rejected == 0, (name, result.message)
    database.close()
    return folder / "store.duckdb"


@pytest.fixture
def store(store_template, tmp_path):
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_template, copy)
    database = Database(copy)
    yield database
    database.close()


def _same_as_the_company_read(database: Database, windows, names=ONE_REP) -> int:
    """Asserts every rep's one-rep read equals their rows of the company read; returns the rows compared."""
    compared = 0
    for first, last in windows:
        everyone = metrics.weekly_metrics(database, first, last, names=names)
        for rep in roster.list_reps(database)["rep"]:
            spelled = roster.spellings(database, rep)
            assert spelled is not None and spelled.rep == rep
            alone = metrics.weekly_metrics(database, first, last, rep=rep, names=names, spellings=spelled)
            theirs = everyone[everyone["rep"] == rep].reset_index(drop=True)
            pd.testing.assert_frame_equal(alone, theirs, check_dtype=not theirs.empty, obj=f"{rep} {first}")
            compared += len(theirs)
    return compared


def test_the_reps_are_the_roster_and_the_names_no_roster_entry_carries(store):
    reps = roster.list_reps(store)["rep"].tolist()
    assert reps[:3] == ["Ana Lopez", "Ben Cho", "Cara Diaz"] and "Dev Rao" in reps[3:]
    spelled_otherwise = {"ana lopez", "ANA LOPEZ", "ana@example.com", "005A1", "005C3", "ben@example.com"}
    assert not spelled_otherwise & set(reps)  # a roster entry's other spellings are that rep, not another


def test_one_rep_reads_equal_the_company_read_through_spellings_roster_changes_and_targets(store):
    spelled = {rep: roster.spellings(store, rep) for rep in ("Ana Lopez", "Cara Diaz", "Dev Rao")}
    assert set(spelled["Ana Lopez"].aliases) == {"ana lopez", "ana@example.com", "005a1"}
    assert (spelled["Cara Diaz"].team, spelled["Cara Diaz"].end_date) == ("East", dt.date(2026, 4, 8))
    assert (spelled["Dev Rao"].team, spelled["Dev Rao"].aliases) == (None, ("dev rao",))
    assert _same_as_the_company_read(store, WINDOWS) > 60
    ana = metrics.weekly_metrics(
        store, dt.date(2026, 1, 5), dt.date(2026, 5, 25), rep="Ana Lopez", names=ONE_REP
    )
    by_week = ana.set_index("week")
    assert by_week.loc[dt.date(2026, 2, 9), "first_meetings"] + by_week.loc[dt.date(2026, 3, 2), "calls"] == 1
    assert by_week.loc[dt.date(2026, 5, 25), "open_pipeline"] == 200000  # the last snapshot, carried on
    assert by_week["pipeline_coverage"].notna().sum() > 10  # a quota in force in most weeks


def test_one_rep_reads_equal_the_company_read_on_the_sample_company(sample):
    windows = [
        (dt.date(2025, 12, 29), dt.date(2026, 11, 16)),
        (dt.date(2026, 9, 7), dt.date(2026, 10, 5)),
        (dt.date(2026, 11, 16), dt.date(2026, 11, 16)),
    ]
    assert _same_as_the_company_read(sample, windows) > 500
    assert (
        _same_as_the_company_read(sample, windows[1:], names=("calls", "win_rate", "open_deals_stalled")) > 50
    )


def test_a_rep_outside_the_viewers_teams_or_unknown_reads_no_rows(store):
    first, last = dt.date(2026, 1, 5), dt.date(2026, 5, 25)
    assert metrics.weekly_metrics(store, first, last, teams=["West"], rep="Ana Lopez", names=ONE_REP).empty
    assert metrics.weekly_metrics(store, first, last, rep="Nobody", names=ONE_REP).empty
    assert roster.spellings(store, "Nobody") is None
    assert targets.weekly_targets(store, first, last, teams=["West"], rep="Ana Lopez").empty
    seen = targets.weekly_targets(store, first, last, teams=["East"], rep="Ana Lopez")
    assert {"won_revenue", "calls"} <= set(seen["metric"])


def test_each_reps_targets_read_alone_equal_the_company_read(store):
    for first, last in WINDOWS:
        every = targets.weekly_targets(store, first, last)
        for rep in roster.list_reps(store)["rep"]:
            alone = targets.weekly_targets(store, first, last, rep=rep)  # by week and metric
            theirs = every[every["rep"] == rep].sort_values(["week", "metric"]).reset_index(drop=True)
            pd.testing.assert_frame_equal(alone, theirs, check_dtype=not theirs.empty, obj=f"{rep} {first}")


def test_spellings_of_another_rep_are_refused(store):
    with pytest.raises(ValueError, match="spellings of 'Ben Cho'"):
        metrics.weekly_metrics(
            store, dt.date(2026, 3, 2), dt.date(2026, 3, 9), rep="Ana Lopez", names=("calls",),
            spellings=roster.spellings(store, "Ben Cho"),
        )  # fmt: skip
