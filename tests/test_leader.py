"""The leader view on a tiny organisation whose numbers are worked out by hand, then on the sample company.

Team A (manager Mia Ford): Ana Lopez, Ben Cho. Team B (manager Sam Lee): Cy Diaz.
Weeks W1 … W10 are the Mondays from 2026-03-02; the leader looks at W9 with a 2-week window (W8, W9).

Expectations: first meetings 2 a week (A and B), calls 3 a week (A only), and the company default of
90 prospecting minutes a day (nobody logs any: always below; the default pipeline coverage has no quota
to divide by, so it is never judged).
First meetings  Ana: 1 1 0 1 0 2 2 1 3 (W1…W9)   Ben: 2 every week   Cy: only 1, in W9
Calls           Ana: none                       Ben: 4 4 4 4 3 3 3 3 3   Cy: 1 in W8 (no expectation)
A pipeline snapshot dated 2026-05-04 (describing W9) lists Ana's deal; team B has none.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import coaching, db, leader, metrics, targets
from dashboard.db import Database
from dashboard.ingest import ingest_file

ROOT = Path(__file__).resolve().parent.parent
W = [dt.date(2026, 3, 2) + dt.timedelta(weeks=i) for i in range(10)]  # W[0] is W1
W1, W4, W5, W6, W7, W8, W9, W10 = W[0], W[3], W[4], W[5], W[6], W[7], W[8], W[9]
WINDOW = 2

ROSTER = """rep,email,team,manager,start_date
Ana Lopez,ana@example.com,A,Mia Ford,2024-01-08
Ben Cho,ben@example.com,A,Mia Ford,2024-01-08
Cy Diaz,cy@example.com,B,Sam Lee,2024-01-08
"""
TARGETS = """metric,value,period,team,rep,effective_from
first_meetings,2,week,A,,2026-01-01
first_meetings,2,week,B,,2026-01-01
calls,3,week,A,,2026-01-01
"""
PIPELINE = """opportunity_id,opportunity_name,owner,account,stage,amount,created_date,close_date,lead_source,\
snapshot_date
O1,Acme pilot,Ana Lopez,Acme,Proposal,50000,2026-04-01,2026-06-30,Cold Call,2026-05-04
"""
FIRST_MEETINGS = {
    "Ana Lopez": (1, 1, 0, 1, 0, 2, 2, 1, 3),
    "Ben Cho": (2,) * 9,
    "Cy Diaz": (0, 0, 0, 0, 0, 0, 0, 0, 1),
}
CALLS = {"Ben Cho": (4, 4, 4, 4, 3, 3, 3, 3, 3), "Cy Diaz": (0, 0, 0, 0, 0, 0, 0, 1, 0)}


def _activities() -> str:
    lines = ["activity_id,rep,date,type,subject,duration_minutes,outcome,account"]
    for kind, table in (("first", FIRST_MEETINGS), ("call", CALLS)):
        for rep, counts in table.items():
            for week, count in zip(W, counts, strict=False):
                for n in range(count):
                    day = week + dt.timedelta(days=1)
                    key = f"{kind}-{rep.split()[0]}-{day}-{n}"
                    if kind == "first":
                        lines.append(f"{key},{rep},{day},Meeting,First meeting - Acme,30,,Acme")
                    else:
                        lines.append(f"{key},{rep},{day},Call,Call,5,Connected,Acme")
    # One prospecting block, in W1: the store holds prospecting time, so a week without any reads 0 minutes
    # (below the company's default expectation), not no data.
    day = W1 + dt.timedelta(days=1)
    lines.append(f"prospecting-Ben,Ben Cho,{day},Prospecting,Prospecting block,30,,Acme")
    return "\n".join(lines) + "\n"


def _flag(cur, rep: str, team: str, kind: str, opened: dt.date) -> int:
    db.execute(cur, "flag_open_insert", rep=rep, team=team, kind=kind, week=opened, severity="medium",
               signals=json.dumps([]))  # fmt: skip
    return int(cur.execute("SELECT max(flag_id) FROM flags").fetchone()[0])


@pytest.fixture(scope="module")
def org_template(tmp_path_factory) -> Path:
    """The organisation's data (ingested) and coaching records (through the coaching functions)."""
    folder = tmp_path_factory.mktemp("org")
    database = Database(folder / "org.duckdb")
    for name, text in (("roster.csv", ROSTER), ("targets.csv", TARGETS), ("activities.csv", _activities()),
                       ("pipeline.csv", PIPELINE)):  # fmt: skip
        path = folder / name
        path.write_text(text, encoding="utf-8")
        result = ingest_file(database, path)
        assert result.status == "loaded" and result.rows_rejected == 0, result.message

    # Agendas: Ana W8 (1 recognition, 1 focus) and W9 in two versions (the later one counts: 2, 1);
    # Ben W8 (2, 0); Cy only W7, before the window.
    coaching.save_agenda(database, "Ana Lopez", W8, "w8", "Mia Ford", recognition_items=1, focus_items=1)
    coaching.save_agenda(database, "Ana Lopez", W9, "draft", "Mia Ford", recognition_items=0, focus_items=2)
    coaching.save_agenda(database, "Ana Lopez", W9, "final", "Mia Ford", recognition_items=2, focus_items=1)
    coaching.save_agenda(database, "Ben Cho", W8, "w8", "Mia Ford", recognition_items=2, focus_items=0)
    coaching.save_agenda(database, "Cy Diaz", W7, "w7", "Sam Lee", recognition_items=5, focus_items=5)

    # Commitments due in the window (2026-04-20 … 2026-05-03): Ana's two followed up, Ben's left open,
    # Cy's followed up only in W10 (after the week looked at). Ben's W8 one is due later, his W5 one earlier.
    c1 = coaching.add_commitment(database, "Ana Lopez", W6, "one", dt.date(2026, 4, 20), "Mia Ford")
    c2 = coaching.add_commitment(database, "Ana Lopez", W7, "two", dt.date(2026, 4, 27), "Mia Ford")
    coaching.add_commitment(database, "Ben Cho", W7, "three", dt.date(2026, 4, 29), "Mia Ford")
    coaching.add_commitment(database, "Ben Cho", W8, "four", dt.date(2026, 5, 11), "Mia Ford")
    c5 = coaching.add_commitment(database, "Ben Cho", W5, "five", dt.date(2026, 4, 6), "Mia Ford")
    c6 = coaching.add_commitment(database, "Cy Diaz", W7, "six", dt.date(2026, 4, 22), "Sam Lee")
    coaching.follow_up(database, c1, "done", W8, "Mia Ford")
    coaching.follow_up(database, c2, "not_yet", W9, "Mia Ford")
    coaching.follow_up(database, c5, "done", W6, "Mia Ford")
    coaching.follow_up(database, c6, "partly", W10, "Sam Lee")

    # Focus areas: judged ones are agreed in W4 … W5 (their 4 following weeks end by W9).
    coaching.add_focus_area(database, "Ana Lopez", W5, "first_meetings", "2 a week", W9, "Mia Ford")
    coaching.add_focus_area(database, "Ben Cho", W4, "calls", "3 a week", W8, "Mia Ford")
    coaching.add_focus_area(database, "Cy Diaz", W5, "first_meetings", "2 a week", W9, "Sam Lee")
    coaching.add_focus_area(database, "Ana Lopez", W6, "calls", "3 a week", W10, "Mia Ford")  # too recent

    # Flag episodes, written with the package's own flag queries.
    with database.transaction() as cur:
        f1 = _flag(cur, "Ana Lopez", "A", "slump", W6)
        db.execute(cur, "flag_resolve", flag_id=f1, week=W8)  # resolved in the window after 2 weeks
        f2 = _flag(cur, "Ben Cho", "A", "slump", W8)  # open, acknowledged in W9
        db.execute(
            cur, "flag_acknowledge", flag_id=f2, week=W9, severity="medium", note="talked", by_whom="M"
        )
        f3 = _flag(cur, "Ben Cho", "A", "hygiene", W9)
        db.execute(cur, "flag_resolve", flag_id=f3, week=W10)  # resolved only after W9
        f4 = _flag(cur, "Cy Diaz", "B", "slump", W4)
        db.execute(cur, "flag_resolve", flag_id=f4, week=W9)  # resolved in the window after 5 weeks
        _flag(cur, "Ana Lopez", "A", "hygiene", W10)  # after the week looked at
    database.close()
    return folder / "org.duckdb"


@pytest.fixture
def org(org_template, tmp_path):
    copy = tmp_path / "org.duckdb"
    shutil.copyfile(org_template, copy)
    database = Database(copy)
    yield database
    database.close()


def _records(database, teams=None):
    return leader.coaching_records(database, W9, weeks=WINDOW, teams=teams)


def _row(frame: pd.DataFrame, by: str, name: str) -> dict:
    return frame.set_index(by).loc[name].to_dict()


# --- expectations ---------------------------------------------------------------------------------


def _judged(database, teams=None):
    values = metrics.weekly_metrics(database, W8, W9, teams=teams)
    goals = targets.weekly_targets(database, W8, W9, teams=teams)
    return leader.judged(values, goals)


def test_share_meeting_each_expectation_per_week(org):
    trend = leader.expectation_trend(_judged(org)).set_index(["week", "metric"])
    # W8: first meetings Ana 1 (below), Ben 2 (met), Cy 0 (below); calls Ana 0 (below), Ben 3 (met).
    assert trend.loc[(W8, "first_meetings"), ["reps", "met"]].tolist() == [3, 1]
    assert trend.loc[(W8, "first_meetings"), "share_met"] == pytest.approx(1 / 3)
    assert trend.loc[(W8, "calls"), "share_met"] == pytest.approx(1 / 2)
    # W9: Ana 3, Ben 2 met; Cy 1 below. Calls: Ben 3 met, Ana 0 below.
    assert trend.loc[(W9, "first_meetings"), "share_met"] == pytest.approx(2 / 3)
    assert trend.loc[(W9, "calls"), ["reps", "met"]].tolist() == [2, 1]
    assert trend.loc[(W9, "prospecting_minutes"), ["reps", "met", "share_met"]].tolist() == [3, 0, 0.0]
    weekly = {"first_meetings", "calls", "prospecting_minutes"}  # weekly readings only: no yearly counts
    assert set(trend.index.get_level_values("metric")) == weekly


def test_attainment_distribution_of_a_week(org):
    spread = leader.distribution(_judged(org), W9)
    by_metric = spread.by_metric.set_index("metric")
    assert by_metric.loc["calls", ["met", "near", "below", "reps"]].tolist() == [1, 0, 1, 2]
    assert by_metric.loc["first_meetings", ["met", "near", "below", "reps"]].tolist() == [2, 0, 1, 3]
    assert by_metric.loc["prospecting_minutes", ["met", "near", "below", "reps"]].tolist() == [0, 0, 3, 3]
    # Expectations met per rep: Cy 0, Ana 1 (first meetings), Ben 2.
    assert spread.by_count.set_index("expectations_met")["reps"].to_dict() == {0: 1, 1: 1, 2: 1, 3: 0}
    assert spread.reps_judged == 3


def test_the_page_draws_one_line_per_expectation_and_a_bar_per_count(org):
    drawn = leader.page(org, W9)
    lines = {trace.name: trace for trace in drawn.trend.data}
    weekly = ("first_meetings", "calls", "prospecting_minutes")
    assert set(lines) == {metrics.BY_NAME[name].label for name in weekly}
    first = lines[metrics.BY_NAME["first_meetings"].label]
    assert list(first.x[-2:]) == [W8, W9]
    assert list(first.y[-2:]) == pytest.approx([1 / 3, 2 / 3])  # as in the trend above
    assert [list(row) for row in first.customdata[-2:]] == [[1, 3], [2, 3]]  # met of judged, on hover
    assert drawn.trend.layout.yaxis.tickformat == ".0%"
    (bars,) = drawn.spread.data
    assert dict(zip(bars.x, bars.y, strict=True)) == {0: 1, 1: 1, 2: 1, 3: 0}
    assert drawn.spread.layout.xaxis.title.text == "Expectations met"


def test_status_near_counts_as_not_met(org):
    rows = pd.DataFrame(
        {"rep": ["x", "y"], "team": ["A", "A"], "week": [W9, W9], "metric": ["calls", "calls"],
         "value": [2.8, 3.0], "target": [3.0, 3.0], "status": ["near", "met"]}
    )  # fmt: skip
    assert leader.distribution(rows, W9).by_metric.iloc[0][["met", "near", "below"]].tolist() == [1, 1, 0]


# --- coaching measures per team and manager --------------------------------------------------------


def test_one_on_ones_and_agendas(org):
    teams = leader.summary(_records(org), "team")
    a, b = _row(teams, "team", "A"), _row(teams, "team", "B")
    assert (a["reps"], a["one_on_ones"], a["one_on_ones_held"]) == (2, 1, 0.5)  # Ana has a W9 agenda
    assert (b["reps"], b["one_on_ones"], b["one_on_ones_held"]) == (1, 0, 0.0)
    assert (a["agendas"], a["agendas_per_rep"]) == (3, 1.5)  # Ana W8, Ana W9 (two versions = one), Ben W8
    assert (b["agendas"], b["agendas_per_rep"]) == (0, 0.0)  # Cy's W7 agenda is before the window


def test_commitments_followed_up_by_the_week(org):
    managers = leader.summary(_records(org), "manager")
    mia, sam = _row(managers, "manager", "Mia Ford"), _row(managers, "manager", "Sam Lee")
    assert (mia["commitments_due"], mia["commitments_followed_up"]) == (3, 2)
    assert mia["followed_up_share"] == pytest.approx(2 / 3)
    assert (sam["commitments_due"], sam["commitments_followed_up"]) == (1, 0)  # followed up only in W10


def test_flags_opened_acknowledged_resolved_and_age(org):
    teams = leader.summary(_records(org), "team")
    a, b = _row(teams, "team", "A"), _row(teams, "team", "B")
    counts = ["flags_opened", "flags_acknowledged", "flags_resolved", "flags_open"]
    assert [a[c] for c in counts] == [2, 1, 1, 2]
    assert a["median_weeks_open"] == 2
    assert [b[c] for c in counts] == [0, 0, 1, 0]
    assert b["median_weeks_open"] == 5
    org_row = leader.summary(_records(org), "organisation").iloc[0]
    assert org_row["flags_resolved"] == 2 and org_row["median_weeks_open"] == 3.5


def test_recognition_to_correction_balance(org):
    teams = leader.summary(_records(org), "team")
    a, b = _row(teams, "team", "A"), _row(teams, "team", "B")
    assert (a["recognition_items"], a["focus_items"]) == (5, 2)  # 1 + 2 + 2 : 1 + 1 + 0
    assert a["recognition_balance"] == 2.5
    assert math.isnan(b["recognition_balance"])


def test_coaching_effectiveness(org):
    records = _records(org)
    focus = records.focus.set_index(["rep", "metric"])
    # Ana first meetings agreed W5: W2…W5 mean 0.5, W6…W9 mean 2 -> recovered.
    assert focus.loc[("Ana Lopez", "first_meetings"), ["before", "after"]].tolist() == [0.5, 2.0]
    assert focus.loc[("Ana Lopez", "first_meetings"), "recovered"] == True  # noqa: E712
    # Ben calls agreed W4: W1…W4 mean 4, W5…W8 mean 3 -> not recovered.
    assert focus.loc[("Ben Cho", "calls"), ["before", "after"]].tolist() == [4.0, 3.0]
    assert focus.loc[("Ben Cho", "calls"), "recovered"] == False  # noqa: E712
    assert ("Ana Lopez", "calls") not in focus.index  # agreed in W6: its four weeks after are not over
    teams = leader.summary(records, "team")
    assert _row(teams, "team", "A")["coaching_effectiveness"] == 0.5
    # Cy's focus (agreed W5) is not judged: nothing of Cy is on record before W8, so the weeks before it
    # are unknown, not the zeros a recovery from 0 to 0.25 was read from
    assert focus.loc[("Cy Diaz", "first_meetings"), ["before", "recovered"]].isna().all()
    assert math.isnan(_row(teams, "team", "B")["coaching_effectiveness"])


def test_the_leader_view_judges_a_focus_area_on_any_metric_as_the_records_do(org):
    """The view reads only the metrics it judges or that were coached: a focus area on open deals
    worked or target-account coverage (left out of other reads) is judged as from every metric."""
    for rep, metric in (("Ben Cho", "open_deals_worked"), ("Cy Diaz", "target_account_coverage")):
        coaching.add_focus_area(org, rep, W4, metric, "more of them", W8, "Mia Ford")
    view = leader.overview(org, W9, weeks=WINDOW)
    focus = view.records.focus.set_index(["rep", "metric"])
    assert {("Ben Cho", "open_deals_worked"), ("Cy Diaz", "target_account_coverage")} <= set(focus.index)
    pd.testing.assert_frame_equal(view.records.focus, _records(org).focus)


def test_recovery_is_direction_aware():
    weeks = [W1, W[1], W[2], W4, W5, W6, W7, W8]
    values = pd.DataFrame({"rep": "x", "week": weeks, "avg_cycle_days": [60, 60, 60, 60, 40, 40, 40, 40],
                           "calls": [5, 5, 5, 5, 5, 5, 5, 5],
                           "prospecting_minutes": [360, 360, 360, 360, 369, 369, 369, 369]})  # fmt: skip
    focus = pd.DataFrame(
        {"rep": "x", "week": W4, "metric": ["avg_cycle_days", "calls", "prospecting_minutes"]}
    )
    judged = leader.recovery(focus, values)
    # shorter cycles recover; no change does not, nor +2.5 % (ordinary drift: the agenda says "not yet" too)
    assert judged["recovered"].tolist() == [True, False, False]
    first_weeks = values[values["week"] >= W4]  # the agreement week is the rep's only week before: not judged
    assert leader.recovery(focus, first_weeks)["recovered"].isna().all()


def test_weekly_review_regularity(org):
    grid = leader.review_weeks(org, W8, W9).set_index(["team", "week"])
    checks = ["activity_loaded", "pipeline_loaded", "agenda_saved", "reviewed"]
    assert grid.loc[("A", W8), checks].tolist() == [True, False, True, False]
    assert grid.loc[("A", W9), ["exports_in", "agenda_saved", "reviewed"]].tolist() == [True, True, True]
    assert grid.loc[("B", W9), ["activity_loaded", "pipeline_loaded", "agenda_saved"]].tolist() == [
        True, False, False]  # fmt: skip
    shown = leader.review_table(leader.review_weeks(org, W8, W9)).set_index("Team")
    assert shown.loc["A"].tolist() == ["○ no pipeline snapshot", "✓ held"]  # says which export is missing
    assert shown.loc["B", f"{W9:%d %b}"] == "○ no pipeline snapshot, no agenda"
    records = _records(org)
    status = leader.review_status(records).set_index("team")
    assert status.loc["A", ["weeks_reviewed", "weeks", "weeks_without_agenda"]].tolist() == [1, 2, 0]
    assert status.loc["B", ["weeks_reviewed", "weeks", "weeks_without_agenda"]].tolist() == [0, 2, 2]
    assert _row(leader.summary(records, "team"), "team", "A")["reviews_held"] == 0.5


def test_rep_table_of_a_team(org):
    table = leader.rep_table(_records(org), "A").set_index("rep")
    assert table.index.tolist() == ["Ana Lopez", "Ben Cho"]
    assert table.loc["Ana Lopez", ["agenda_this_week", "agendas_prepared", "open_flags"]].tolist() == [
        True,
        2,
        0,
    ]
    assert table.loc["Ana Lopez", ["commitments_due", "commitments_followed_up"]].tolist() == [2, 2]
    assert table.loc["Ben Cho", ["agenda_this_week", "agendas_prepared", "open_flags"]].tolist() == [
        False,
        1,
        2,
    ]
    assert table.loc["Ben Cho", ["commitments_due", "commitments_followed_up"]].tolist() == [1, 0]


def test_notes_name_the_lapsed_team_and_unfollowed_commitments(org):
    view = leader.overview(org, W9, weeks=WINDOW)
    assert view.notes == [
        "Exports not all in for B: the week needs its activity log and a pipeline snapshot.",
        "Weekly review lapsed in B: no one-on-one agenda saved in the last 2 weeks.",
        "Commitments waiting for follow-up with Sam Lee: 0 of 1 commitment due in the last 2 weeks has "
        "a recorded follow-up.",
    ]
    assert {k.name for k in view.kpis} <= set(leader.LEADER_BY_NAME)
    assert all(k.definition for k in view.kpis)
    assert set(leader.definitions(WINDOW)) == {m.label for m in leader.LEADER_METRICS}


def test_teams_filter_never_returns_another_teams_rows(org):
    records = _records(org, teams=["A"])
    for name in ("reps", "agendas", "commitments", "flags", "focus", "reviews"):
        frame = getattr(records, name)
        assert set(frame["team"]) <= {"A"}, name
        assert "Cy Diaz" not in set(frame.get("rep", [])), name
    assert set(_judged(org, teams=["A"])["team"]) == {"A"}
    view = leader.overview(org, W9, weeks=WINDOW, teams=["A"])
    assert view.teams["team"].tolist() == ["A"]
    assert view.managers["manager"].tolist() == ["Mia Ford"]
    assert view.distribution.reps_judged == 2
    assert not any("B" in n.split(":")[0].split() or "Sam Lee" in n for n in view.notes)
    for query in ("leader_rep_weeks", "leader_agendas", "leader_commitments", "leader_focus_areas",
                  "leader_review_weeks"):  # fmt: skip
        frame = org.run(query, from_week=W1, to_week=W10, teams=["A"])
        assert set(frame["team"]) == {"A"}, query
    assert set(org.run("leader_flag_episodes", to_week=W10, teams=["A"])["team"]) == {"A"}
    assert leader.overview(org, W9, weeks=WINDOW, teams=[]).teams.empty


# --- the sample company -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coached_template(sample_template: Path, tmp_path_factory) -> Path:
    """The sample company (conftest's, loaded once per run) with its seeded coaching history."""
    from dashboard import demo

    path = tmp_path_factory.mktemp("sample-leader") / "sample.duckdb"
    shutil.copyfile(sample_template, path)
    database = Database(path)
    seeded = demo.seed_coaching(database)
    assert (
        seeded is not None and seeded.lapsed_team == "SMB West" and seeded.unfollowed_manager == "Grace Liu"
    )
    assert demo.seed_coaching(database) is None  # seeding twice does nothing
    database.close()
    return path


@pytest.fixture
def sample(coached_template, tmp_path, monkeypatch):
    copy = tmp_path / "sample.duckdb"
    shutil.copyfile(coached_template, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    database = Database(copy)
    yield database
    database.close()


def test_sample_leader_view_names_the_lapsed_team_and_unfollowed_manager(sample):
    from dashboard import roster

    view = leader.overview(sample, roster.latest_week(sample))
    lapsed = [n for n in view.notes if n.startswith("Weekly review lapsed")]
    unfollowed = [n for n in view.notes if n.startswith("Commitments waiting")]
    assert len(lapsed) == 1 and "SMB West" in lapsed[0] and "3 weeks" in lapsed[0]
    assert len(unfollowed) == 1 and "Grace Liu" in unfollowed[0]
    managers = view.managers.set_index("manager")
    assert managers.loc["Grace Liu", "followed_up_share"] == 0
    assert managers.loc["Denise Okafor", "followed_up_share"] == 1
    assert managers.loc["Robert Fitzgerald", "one_on_ones_held"] == 0
    assert managers["manager" if "manager" in managers else "reps"].notna().all()
    assert view.managers["manager"].tolist() == sorted(view.managers["manager"], key=str.lower)


def _leader_page(page_teams=None, monkeypatch=None) -> AppTest:
    if page_teams is not None:
        monkeypatch.setattr("pages._shared.viewer_teams", lambda: page_teams)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/leader.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_leader_page_renders_and_drills_down_to_a_team(sample):
    at = _leader_page()
    assert at.title[0].value == "Leader view"
    assert [m.label for m in at.metric][:3] == [
        "Expectations met",
        "One-on-ones held",
        "Agendas prepared per rep",
    ]
    assert all(m.help for m in at.metric)
    assert len(at.get("plotly_chart")) == 2
    managers = next(d.value for d in at.dataframe if "Manager" in d.value.columns)
    assert managers["Manager"].tolist() == ["Denise Okafor", "Grace Liu", "Robert Fitzgerald"]
    notes = [t.value for t in at.text]
    assert any("SMB West" in n and "lapsed" in n for n in notes)
    assert any("Grace Liu" in n for n in notes)
    at.selectbox(key="leader_team").set_value("SMB West").run()
    assert not at.exception, at.exception
    reps = at.dataframe[-1].value
    assert len(reps) == 8 and reps["rep"].tolist() == sorted(reps["rep"], key=str.lower)
    assert "Tyler Nguyen" in reps["rep"].tolist() and "Tomasz Nowak" not in reps["rep"].tolist()
    assert reps.set_index("rep").loc["Tyler Nguyen", "open"] == "rep?rep=Tyler%20Nguyen"
    assert at.query_params["team"] == "SMB West"
    at.selectbox(key="leader_rep").set_value("Tyler Nguyen").run()
    assert not at.exception, at.exception
    link = at.get("page_link")[-1].proto
    assert (link.page, link.query_string) == ("rep", "rep=Tyler+Nguyen")


def test_leader_page_shows_only_the_viewers_teams(sample, monkeypatch):
    at = _leader_page(["Enterprise East"], monkeypatch)
    teams = next(d.value for d in at.dataframe if "Team" in d.value.columns and "Reps" in d.value.columns)
    assert teams["Team"].tolist() == ["Enterprise East"]
    assert at.selectbox(key="leader_team").options == ["Enterprise East"]
    assert not any("SMB West" in t.value or "Grace Liu" in t.value for t in at.text)


def test_leader_page_writes_one_agenda_and_one_rep_in_the_singular(tmp_path, monkeypatch):
    """A team of one rep with one agenda saved: '1 agenda', 'of 1 rep', never '1 agendas'."""
    path = tmp_path / "one.duckdb"
    database = Database(path)
    day = W9 + dt.timedelta(days=1)
    files = {
        "roster.csv": "rep,email,team,manager,start_date\nAna Lopez,ana@example.com,A,Mia Ford,2024-01-08\n",
        "activities.csv": f"rep,date,type,subject\nAna Lopez,{day},Call,Call\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert ingest_file(database, tmp_path / name).status == "loaded"
    coaching.save_agenda(database, "Ana Lopez", W9, "w9", "Mia Ford", recognition_items=1, focus_items=1)
    database.close()
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    captions = [c.value for c in _leader_page().caption]
    assert any(c.startswith("1 agenda, last ") for c in captions), captions
    assert "1 of 1 rep this week" in captions, captions
    assert "1 recognition, 1 focus item" in captions, captions
    assert "0 of 0 due" in captions, captions  # counts as counts, not '0.0 of 0.0 due'
    assert not any("1 agendas" in c or " 1 reps" in c for c in captions), captions
