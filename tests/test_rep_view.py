"""Rep page content: moving average and own baseline, charts, pace table, pipeline changes."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard import metrics, rep_view, roster, targets, trend_chart
from dashboard.db import Database
from dashboard.ingest import ingest_file

W0 = dt.date(2026, 1, 5)
WEEKS = [W0 + dt.timedelta(weeks=i) for i in range(10)]


def _rows():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    return pd.DataFrame({"week": WEEKS, "metric": "calls", "value": values, "target": 5.0})


def test_moving_average_and_baseline_by_hand():
    frame = rep_view.with_baselines(_rows())
    assert frame["moving_avg"].tolist()[3:6] == [2.5, 3.5, 4.5]  # (1+2+3+4)/4 …
    assert frame["moving_avg"].isna().tolist()[:3] == [True, True, True]
    # the rules' usual level: the median of the weeks before the latest 4, from 6 such weeks on:
    # week 10 (value 10) reads weeks 1..6 -> 3.5; earlier weeks have fewer than 6 before their latest 4
    assert frame["baseline"].tolist()[9:] == [3.5]
    assert frame["baseline"].isna().sum() == 9
    # a week of time off does not count: week 10 then reads weeks 1..5 only, too few
    off = pd.DataFrame([{"rep": "Ana", "date_from": WEEKS[2], "date_to": WEEKS[2] + dt.timedelta(days=4)}])
    assert rep_view.with_baselines(_rows(), off)["baseline"].isna().all()


def test_chart_has_value_target_average_and_baseline():
    chart = trend_chart.metric_chart(rep_view.with_baselines(_rows()), "calls")
    legend = chart["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert legend == ["weekly value", "4-week average", "own usual level", "expectation"]
    points = chart["data"]["values"]
    assert [p["value"] for p in points] == list(range(1, 11))
    assert (points[-1]["value_text"], points[-1]["target_text"]) == ("10", "5")  # the tooltip's words
    assert points[-1]["baseline"] == 3.5 and points[0]["baseline"] is None  # no usual level yet: a gap
    tooltip = chart["layer"][-1]["encoding"]["tooltip"]
    assert [t["title"] for t in tooltip] == ["week of", *legend]
    assert chart["title"] == "Calls"
    assert chart["layer"][0]["encoding"]["y"]["axis"] == {"tickMinStep": 1}  # counted in whole calls
    assert chart["layer"][1]["mark"]["interpolate"] == "step-after"  # an expectation holds until changed
    x = chart["layer"][0]["encoding"]["x"]
    assert x["scale"] == {"type": "utc"}  # a Monday stays a Monday in any browser's time zone
    ticks = [dt.date(v["year"], v["month"], v["date"]) for v in x["axis"]["values"] if v["utc"]]
    assert ticks == WEEKS and all(t.weekday() == 0 for t in ticks)


def test_a_chart_without_an_expectation_or_average_leaves_them_out_of_the_legend():
    rows = rep_view.with_baselines(_rows()).assign(target=float("nan"))
    chart = trend_chart.metric_chart(rows, "calls", average=False)
    assert chart["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["weekly value", "own usual level"]
    assert {layer["transform"][0]["fold"][0] for layer in chart["layer"] if "transform" in layer} == {
        "baseline",
        "value",
    }


def test_a_share_reads_as_percent():
    rows = rep_view.with_baselines(_rows()).assign(metric="win_rate", value=0.25, target=0.3)
    chart = trend_chart.metric_chart(rows, "win_rate")
    assert chart["layer"][0]["encoding"]["y"]["axis"]["format"] == ".0%"
    assert chart["data"]["values"][0]["value_text"] == "25%"


def test_pace_table_text():
    pace = targets.Pace(
        metric="opportunities_over_100k", target=2.0, period="year", period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31), weeks_elapsed=26, weeks_total=52, actual=0.0, expected=1.0,
        projected=0.0, needed_per_week=2 / 26,
    )  # fmt: skip
    row = rep_view.pace_table([pace]).iloc[0]
    assert (row["actual so far"], row["expected by now"], row["needed per week from here"]) == (
        "0",
        "1",
        "0.1",
    )
    assert row["on pace"] == "○ behind pace"


HEADER = (
    "opportunity_id,opportunity_name,owner,account,stage,amount,"
    "created_date,close_date,lead_source,snapshot_date\n"
)
BEFORE = HEADER + (
    "O1,Acme,Ana Lopez,Acme,Discovery,1000,2026-01-05,2026-03-31,Cold Call,2026-03-09\n"
    "O2,Beta,Ana Lopez,Beta,Proposal,2000,2026-01-05,2026-03-31,Cold Call,2026-03-09\n"
    "O3,Gamma,Ana Lopez,Gamma,Negotiation,3000,2026-01-05,2026-03-31,Cold Call,2026-03-09\n"
    "O4,Delta,Ana Lopez,Delta,Proposal,4000,2026-01-05,2026-03-31,Cold Call,2026-03-09\n"
    "O5,Eps,Ana Lopez,Eps,Proposal,5000,2026-01-05,2026-03-31,Cold Call,2026-03-09\n"
    "O9,Other,Ben Cho,Zed,Proposal,9000,2026-01-05,2026-03-31,Cold Call,2026-03-09\n"
)
AFTER = HEADER + (
    "O1,Acme,Ana Lopez,Acme,Proposal,1000,2026-01-05,2026-03-31,Cold Call,2026-03-16\n"  # stage moved
    "O2,Beta,Ana Lopez,Beta,Closed Won,2000,2026-01-05,2026-03-12,Cold Call,2026-03-16\n"  # won
    "O3,Gamma,Ana Lopez,Gamma,Closed Lost,3000,2026-01-05,2026-03-12,Cold Call,2026-03-16\n"  # lost
    "O4,Delta,Ana Lopez,Delta,Proposal,4000,2026-01-05,2026-04-30,Cold Call,2026-03-16\n"  # slipped
    "O6,Fresh,Ana Lopez,Fresh,Discovery,6000,2026-03-11,2026-06-30,Cold Call,2026-03-16\n"  # new
    "O9,Other,Ben Cho,Zed,Closed Won,9000,2026-01-05,2026-03-12,Cold Call,2026-03-16\n"  # not Ana's
)  # O5 no longer listed


@pytest.fixture
def pipeline(tmp_path):
    database = Database(tmp_path / "pipe.duckdb")
    (tmp_path / "roster.csv").write_text("rep,team,manager\nAna Lopez,East,Mia\nBen Cho,East,Mia\n")
    (tmp_path / "before.csv").write_text(BEFORE)
    (tmp_path / "after.csv").write_text(AFTER)
    for name in ("roster.csv", "before.csv", "after.csv"):
        assert ingest_file(database, tmp_path / name).status == "loaded"
    yield database
    database.close()


def test_pipeline_changes_between_two_snapshots(pipeline):
    # the snapshot of Monday 16 March describes the week of 9 March
    changes = rep_view.pipeline_changes(pipeline, "ana lopez", dt.date(2026, 3, 9))
    assert list(zip(changes["change"], changes["opportunity_name"], strict=True)) == [
        ("new", "Fresh"),
        ("won", "Beta"),
        ("lost", "Gamma"),
        ("stage moved", "Acme"),
        ("close date slipped", "Delta"),
        ("no longer listed", "Eps"),
    ]
    slipped = changes.set_index("change").loc["close date slipped"]
    assert (slipped["close_before"], slipped["close_now"]) == (dt.date(2026, 3, 31), dt.date(2026, 4, 30))
    assert set(changes["snapshot_now"]) == {dt.date(2026, 3, 16)}
    assert set(changes["snapshot_before"]) == {dt.date(2026, 3, 9)}
    assert changes["currency"].isna().all()  # the export names no currency


def test_pipeline_changes_show_each_deals_currency(pipeline, tmp_path):
    moved = AFTER.replace("Acme,Proposal,1000", "Acme,Negotiation,1000 EUR")
    euros = moved.replace("2026-03-16", "2026-03-23")
    (tmp_path / "euros.csv").write_text(euros)
    assert ingest_file(pipeline, tmp_path / "euros.csv").status == "loaded"
    changes = rep_view.pipeline_changes(pipeline, "Ana Lopez", dt.date(2026, 3, 16))
    moved = changes.set_index("opportunity_name").loc["Acme"]
    assert (moved["change"], moved["currency"]) == ("stage moved", "EUR")
    shown = rep_view.pipeline_display(changes).set_index("Opportunity").loc["Acme"]
    assert (shown["Amount"], shown["Stage before"], shown["Stage now"]) == (
        "€1,000",
        "Proposal",
        "Negotiation",
    )


def test_no_changes_without_an_earlier_snapshot(pipeline):
    assert rep_view.pipeline_changes(pipeline, "Ana Lopez", dt.date(2026, 3, 2)).empty


def test_team_filter_hides_a_rep(pipeline):
    from dashboard.roster import UnknownRep

    with pytest.raises(UnknownRep):
        rep_view.pipeline_changes(pipeline, "Ana Lopez", dt.date(2026, 3, 9), teams=["West"])


def test_trend_charts_are_plain_dicts(pipeline):
    weeks = (dt.date(2026, 3, 2), dt.date(2026, 3, 9))
    calls = rep_view.rep_weekly(pipeline, "Ana Lopez", *weeks, names=("calls",))
    charts = rep_view.charts_of(calls, ("calls",))
    assert list(charts) == ["calls"]
    assert charts["calls"]["title"] == "Calls"
    assert json.loads(json.dumps(charts["calls"])) == charts["calls"]  # plain JSON, as Streamlit sends it
    # the page draws its charts from the rows of every metric it reads once for its table too
    rows = rep_view.rep_weekly(pipeline, "Ana Lopez", *weeks)
    assert rep_view.charts_of(rows, ("calls",)) == charts


def test_pace_reads_the_additive_metrics_and_paces_them_as_a_read_of_every_metric_would(sample):
    """The pace panel reads only what a period target's pace sums (not the costly shares) and says
    what it said when it read every metric."""
    week = roster.latest_week(sample)
    paces = rep_view.rep_pace(sample, "Priya Raman", week)
    assert {"won_revenue", "opportunities_over_100k"} <= {p.metric for p in paces}  # quarter and year
    start = metrics.monday(targets.period_bounds(week, "year")[0])
    everything = metrics.weekly_metrics(sample, start, week, rep="Priya Raman")
    goals = targets.weekly_targets(sample, week, week, rep="Priya Raman")
    assert paces == targets.pace(everything, goals, week)
    assert not {"open_deals_worked", "open_deals_stalled", "target_account_coverage"} & set(
        rep_view.PACED_METRICS
    )
