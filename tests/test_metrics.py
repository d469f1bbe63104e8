"""Weekly metrics and targets on a tiny team whose numbers are worked out by hand.

Ana Lopez (East, started 2024) and Ben Cho (East, starts 2026-03-02, ramping).
Weeks: 2026-03-02, 2026-03-09, 2026-03-16 (no activity at all: zeros).
"""

from __future__ import annotations

import datetime as dt
import math
import shutil

import pandas as pd
import pytest

from dashboard import metrics, targets
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard.trend import rep_trend

W1, W2, W3 = dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 16)

ROSTER = """rep,email,team,manager,start_date
Ana Lopez,ana@example.com,East,Mia Ford,2024-01-08
Ben Cho,ben@example.com,East,Mia Ford,2026-03-02
"""

ACTIVITIES = """activity_id,rep,date,type,subject,duration_minutes,outcome,account
A1,Ana Lopez,2026-03-02,Call,Call,5,Connected,Acme
A2,ana lopez,2026-03-02,Call,Call,3,No answer,Beta
A3,Ana Lopez,2026-03-04,Call,Call,2,Left voicemail,Acme
A4,Ana Lopez,2026-03-03,Prospecting block,Prospecting,60,,
A5,Ana Lopez,2026-03-05,Task,Prospecting research,30,,
A6,Ana Lopez,2026-03-06,Meeting,First meeting - Acme,45,,Acme
A7,Ana Lopez,2026-03-10,Call,Call,4,Spoke with CFO,Gamma
A8,Ana Lopez,2026-03-11,Meeting,Demo,60,,Beta
B1,ben@example.com,2026-03-09,Call,Call,1,Connected,
"""

OPPORTUNITY_HEADER = (
    "opportunity_id,opportunity_name,owner,account,stage,amount,"
    "created_date,close_date,lead_source,snapshot_date\n"
)

OPPORTUNITIES_MAR_09 = (
    OPPORTUNITY_HEADER
    + """O1,Acme renewal,Ana Lopez,Acme,Negotiation,120000,2026-01-05,2026-03-20,Cold Call,2026-03-09
O2,Beta pilot,Ana Lopez,Beta,Closed Lost,50000,2026-02-02,2026-03-04,Cold Call,2026-03-09
O3,Gamma rollout,Ana Lopez,Gamma,Proposal,150000,2026-03-03,2026-05-29,Web,2026-03-09
"""
)

OPPORTUNITIES_MAR_16 = (
    OPPORTUNITY_HEADER
    + """O1,Acme renewal,Ana Lopez,Acme,Closed Won,120000,2026-01-05,2026-03-10,Cold Call,2026-03-16
O2,Beta pilot,Ana Lopez,Beta,Closed Lost,50000,2026-02-02,2026-03-04,Cold Call,2026-03-16
O3,Gamma rollout,Ana Lopez,Gamma,Proposal,200000,2026-03-03,2026-05-29,Web,2026-03-16
O4,Delta trial,Ana Lopez,Delta,Qualification,,2026-03-11,2026-06-30,Outbound,2026-03-16
O5,Epsilon,Ben Cho,Epsilon,Discovery,30000,2026-03-12,2026-06-30,Webinar,2026-03-16
"""
)

TARGETS = """metric,value,period,team,rep,effective_from
won_revenue,300000,quarter,East,,2026-01-01
first_meetings,2,week,East,Ana Lopez,2026-03-11
"""

TARGET_ACCOUNTS = """account,rep
Acme,Ana Lopez
Gamma,Ana Lopez
Zeta,Ana Lopez
"""


@pytest.fixture(scope="module")
def team_template(tmp_path_factory):
    """The team's database, built once through the normal ingest path."""
    folder = tmp_path_factory.mktemp("team")
    database = Database(folder / "team.duckdb")
    files = [
        ("roster.csv", ROSTER),
        ("activities.csv", ACTIVITIES),
        ("pipeline-03-09.csv", OPPORTUNITIES_MAR_09),
        ("pipeline-03-16.csv", OPPORTUNITIES_MAR_16),
        ("targets.csv", TARGETS),
        ("target_accounts.csv", TARGET_ACCOUNTS),
    ]
    for name, text in files:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        result = ingest_file(database, path)
        assert result.status == "loaded" and result.rows_rejected == 0, result.message
    database.close()
    return folder / "team.duckdb"


@pytest.fixture
def team(team_template, tmp_path):
    """Each test gets its own copy of the team's database."""
    copy = tmp_path / "team.duckdb"
    shutil.copyfile(team_template, copy)
    database = Database(copy)
    yield database
    database.close()


def values_of(database, rep):
    frame = metrics.weekly_metrics(database, W1, W3, rep=rep)
    return {row["week"]: row for row in frame.to_dict(orient="records")}


# metric -> values in weeks W1, W2, W3 (None: nothing to divide)
ANA = {
    "calls": (3, 1, 0),
    "connects": (1, 1, 0),
    "monday_call_share": (2 / 3, 0, None),
    "prospecting_minutes": (90, 0, 0),
    "first_meetings": (1, 0, 0),
    "opportunities_created": (1, 1, 0),
    "pipeline_created": (200000, 0, 0),  # O3 at its latest amount; O4 has none yet
    "opportunities_over_100k": (1, 0, 0),
    "self_sourced_share": (0, 0.5, 0.5),  # O3 web; O4 outbound (last 4 weeks)
    "target_account_coverage": (1 / 3, 2 / 3, 2 / 3),  # Acme; Acme + Gamma; of 3
    "wins": (0, 1, 0),
    "losses": (1, 0, 0),  # O2 lost 2026-03-04
    "won_revenue": (0, 120000, 0),
    "win_rate": (0, 0.5, 0.5),  # O2 lost in W1, O1 won in W2
    "open_pipeline": (270000, 200000, 200000),  # snapshot of 3/9 describes W1; 3/16 W2, carried to W3
    "pipeline_coverage": (0.9, 200000 / 300000, 200000 / 300000),
    "avg_cycle_days": (None, 64, 64),  # 2026-01-05 -> 2026-03-10
    "avg_deal_size": (None, 120000, 120000),
    "open_deals": (2, 2, 2),
    "open_deals_worked": (0.5, 0.5, 0),  # O1 (Acme) of O1, O3; O3 (Gamma) of O3, O4; nothing logged in W3
    "open_deals_stalled": (0, 0, None),  # first seen 3/9, 7 days in their stages by 3/16; no snapshot for W3
    "open_deals_moved": (0, 0, None),  # O1, O3 first seen 3/9; O3 still in Proposal by 3/16, O4 first seen
    "activities_logged": (6, 2, 0),
}


@pytest.mark.parametrize("name", sorted(ANA))
def test_ana_weekly_values(team, name):
    weeks = values_of(team, "Ana Lopez")
    assert sorted(weeks) == [W1, W2, W3]  # the empty week is there, as zeros
    for week, expected in zip((W1, W2, W3), ANA[name], strict=True):
        got = weeks[week][name]
        if expected is None:
            assert got is None or math.isnan(got), (name, week, got)
        else:
            assert got == pytest.approx(expected), (name, week, got)


def test_every_catalogue_metric_is_computed_and_nothing_else():
    assert set(ANA) == set(metrics.METRIC_NAMES)


def test_rep_found_by_email_and_case(team):
    ben = values_of(team, "Ben Cho")
    assert [ben[w]["calls"] for w in (W1, W2, W3)] == [0, 1, 0]
    assert ben[W2]["opportunities_created"] == 1
    assert ben[W2]["pipeline_coverage"] == pytest.approx(30000 / 300000)
    assert math.isnan(ben[W1]["pipeline_coverage"])  # no snapshot row of his before 3/16


def test_open_deals_worked_is_empty_when_activities_name_no_account(team):
    ben = values_of(team, "Ben Cho")  # an open deal (Epsilon) from W2, but his one call names no account
    assert all(math.isnan(ben[w]["open_deals_worked"]) for w in (W1, W2, W3))


@pytest.mark.parametrize(
    "names, left_out",
    [
        (
            ("calls",),
            ["open_deals_worked", "target_account_coverage", "open_deals_stalled", "open_deals_moved"],
        ),
        (
            ("calls", "open_deals_worked"),
            ["target_account_coverage", "open_deals_stalled", "open_deals_moved"],
        ),
        (("target_account_coverage",), ["open_deals_worked", "open_deals_stalled", "open_deals_moved"]),
        (("open_deals_stalled",), ["open_deals_worked", "target_account_coverage", "open_deals_moved"]),
        (("open_deals_moved",), ["open_deals_worked", "target_account_coverage", "open_deals_stalled"]),
    ],
)
def test_metrics_not_asked_for_are_left_out_and_the_rest_read_the_same(team, names, left_out):
    full = metrics.weekly_metrics(team, W1, W3)
    assert full["open_deals_worked"].notna().any() and full["target_account_coverage"].notna().any()
    narrow = metrics.weekly_metrics(team, W1, W3, names=names)
    pd.testing.assert_frame_equal(narrow, full.drop(columns=left_out))


def test_team_filter_hides_other_teams(team):
    assert metrics.weekly_metrics(team, W1, W3, teams=["West"]).empty
    assert set(metrics.weekly_metrics(team, W1, W3, teams=["East"])["rep"]) == {"Ana Lopez", "Ben Cho"}


def weekly_target(database, rep, week, name):
    frame = targets.weekly_targets(database, W1, W3, rep=rep)
    row = frame[(frame["week"] == week) & (frame["metric"] == name)]
    return row.iloc[0] if len(row) else None


def test_daily_target_reads_as_five_working_days(team):
    assert weekly_target(team, "Ana Lopez", W1, "prospecting_minutes")["target"] == 450


def test_rep_override_applies_from_the_week_it_starts(team):
    assert weekly_target(team, "Ana Lopez", W1, "first_meetings")["target"] == 3  # company default
    row = weekly_target(team, "Ana Lopez", W2, "first_meetings")
    assert (row["target"], row["scope"]) == (2, "rep")


def test_the_most_specific_then_the_latest_target_applies(team, tmp_path):
    path = tmp_path / "targets.csv"  # East's own weekly first meetings from W1, raised from W2
    path.write_text(
        "metric,value,period,team,rep,effective_from\n"
        "first_meetings,4,week,East,,2026-03-02\n"
        "first_meetings,5,week,East,,2026-03-09\n",
        encoding="utf-8",
    )
    assert ingest_file(team, path).status == "loaded"
    frame = targets.weekly_targets(team, W1, W3)
    chosen = {
        (r["rep"], r["week"]): (r["value"], r["scope"])
        for r in frame[frame["metric"] == "first_meetings"].to_dict(orient="records")
    }
    assert chosen[("Ana Lopez", W1)] == (4, "team")  # the team's beats the company's 3
    assert chosen[("Ana Lopez", W2)] == (2, "rep")  # her own (from 3/11) beats the team's 5
    assert chosen[("Ben Cho", W1)] == (4, "team")
    assert chosen[("Ben Cho", W2)] == chosen[("Ben Cho", W3)] == (5, "team")  # the later one
    assert len(frame) == len(frame.drop_duplicates(["rep", "week", "metric"]))  # one per rep-week


def test_yearly_count_is_a_pace_not_a_weekly_fraction(team):
    row = weekly_target(team, "Ana Lopez", W1, "opportunities_over_100k")
    assert row["period"] == "year" and math.isnan(row["target"])


def test_level_target_applies_whatever_its_period(team):
    assert weekly_target(team, "Ana Lopez", W1, "pipeline_coverage")["target"] == 3


def test_new_hire_ramps_from_a_quarter_of_the_target(team):
    # company ramp plan: 12 weeks from 25 % in week 1, equal steps
    assert weekly_target(team, "Ben Cho", W1, "first_meetings")["target"] == pytest.approx(0.75)
    assert weekly_target(team, "Ben Cho", W2, "first_meetings")["target"] == pytest.approx(
        3 * (0.25 + 0.75 / 11)
    )
    assert weekly_target(team, "Ben Cho", W1, "win_rate") is None  # no win-rate target anywhere


@pytest.mark.parametrize(
    ("weeks_in", "expected"),
    [(-1, 1.0), (0, 0.25), (1, 0.25 + 0.75 / 11), (11, 1.0), (12, 1.0), (float("nan"), 1.0)],
)
def test_ramp_factor(weeks_in, expected):
    assert targets.ramp_factor([weeks_in], [12], [0.25])[0] == pytest.approx(expected)


def test_pace_of_a_quarterly_revenue_target(team):
    values = metrics.weekly_metrics(team, dt.date(2026, 1, 5), W3, rep="Ana Lopez")
    goals = targets.weekly_targets(team, W1, W3, rep="Ana Lopez")
    (revenue,) = [p for p in targets.pace(values, goals, W3) if p.metric == "won_revenue"]
    # Q1 2026 has 13 Mondays (Jan 5 ... Mar 30); by the week of Mar 16, 11 have begun.
    assert (revenue.weeks_total, revenue.weeks_elapsed) == (13, 11)
    assert revenue.actual == 120000
    assert revenue.expected == pytest.approx(300000 * 11 / 13)
    assert revenue.projected == pytest.approx(120000 / 11 * 13)
    assert revenue.needed_per_week == pytest.approx((300000 - 120000) / 2)
    assert not revenue.on_pace


def test_pace_of_a_yearly_count(team):
    values = metrics.weekly_metrics(team, dt.date(2026, 1, 5), W3, rep="Ana Lopez")
    goals = targets.weekly_targets(team, W1, W3, rep="Ana Lopez")
    (big,) = [p for p in targets.pace(values, goals, W3) if p.metric == "opportunities_over_100k"]
    # O1 (created Jan 5, $120,000) and O3 (Mar 3, $200,000): target reached
    assert (big.actual, big.target, big.weeks_total, big.weeks_elapsed) == (2, 2, 52, 11)
    assert big.needed_per_week == 0 and big.on_pace


@pytest.mark.parametrize(
    ("week", "period", "bounds"),
    [
        (dt.date(2026, 3, 16), "month", (dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
        (dt.date(2026, 2, 11), "month", (dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
        (dt.date(2026, 12, 30), "quarter", (dt.date(2026, 10, 1), dt.date(2026, 12, 31))),
        (dt.date(2026, 5, 20), "year", (dt.date(2026, 1, 1), dt.date(2026, 12, 31))),
    ],
)
def test_period_bounds(week, period, bounds):
    assert targets.period_bounds(week, period) == bounds


def test_suggestion_is_the_80th_percentile_of_the_last_12_weeks():
    import pandas as pd

    history = pd.Series([100] * 8 + list(range(1, 13)))  # only the last 12 count
    assert targets.suggest(history) == pytest.approx(pd.Series(range(1, 13)).quantile(0.8))
    assert targets.suggest(pd.Series([], dtype=float)) is None


def test_trend_joins_values_and_targets(team):
    everything = rep_trend(team, "ana lopez", metric_names=["first_meetings"])
    assert everything["week"].iloc[0] == dt.date(2026, 1, 5)  # O1's created week: the pipeline's history
    frame = rep_trend(team, "ana lopez", metric_names=["first_meetings"], from_week=W1)
    assert frame.to_dict(orient="list") == {
        "week": [W1, W2],  # the latest week with data is W2 (snapshot of 3/16 describes it)
        "metric": ["first_meetings"] * 2,
        "value": [1.0, 0.0],
        "target": [3.0, 2.0],
    }


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("prospecting_minutes", 450, "450 min"),
        ("monday_call_share", 0.25, "25%"),
        ("won_revenue", 120000, "$120,000"),
        ("pipeline_coverage", 2.54, "2.5x"),
        ("calls", 3.0, "3"),
        ("win_rate", None, "–"),
    ],
)
def test_format(name, value, text):
    assert metrics.metric(name).format(value) == text


def test_per_metric_reads_the_catalogue_for_each_row_and_leaves_unknown_names_empty():
    names = pd.Series(["calls", "win_rate", "calls", "not_a_metric"], index=[5, 6, 7, 8])
    looked_up = metrics.per_metric(names, "additive")
    assert looked_up.index.tolist() == [5, 6, 7, 8]
    assert looked_up.iloc[:3].tolist() == [True, False, True]
    assert pd.isna(looked_up.iloc[3])
    known = metrics.per_metric(names.iloc[:3], "higher_is_better")
    assert known.dtype == bool and known.tolist() == [True, True, True]
    assert metrics.per_metric(names.iloc[:0], "label").empty


def test_labels_and_amounts_follow_the_pipelines_currency() -> None:
    from dashboard import currency
    from dashboard.metrics import BY_NAME

    over = BY_NAME["opportunities_over_100k"]
    assert over.label == "Opportunities over $100k"  # no currency known: dollars, as before
    with currency.shown_in("EUR"):
        assert over.label == "Opportunities over €100k"
        assert "€100,000" in over.definition
        assert BY_NAME["won_revenue"].format(120000) == "€120,000"
    with currency.shown_in("CHF"):
        assert over.label == "Opportunities over CHF 100k"
