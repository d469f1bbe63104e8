"""A company with a few weeks of exports: the rules say whom they could not judge yet, never an all-clear.

From real ingest of short histories: a rep whose last 4 of 12 weeks ran at 45% of usual is named as
too new to judge a slide (with their weeks and the weeks needed) on the Interventions page and by
`dashboard interventions`; the same rep with 8 more usual weeks before is flagged. A rep whose deals
go back before the activity exports has their activity history start at their first activity logged
(the weeks before are no zeros in their usual level, on the rep page either).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from dashboard import interventions, rep_view, rules
from dashboard.cli import app as cli_app
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard.rules import DEFAULT, history

ROOT = Path(__file__).resolve().parent.parent
LAST = dt.date(2026, 11, 23)  # the week under review (a Monday)
STEADY = [1.0, 1.1, 0.95, 0.9, 1.05, 1.0]
ROSTER = (
    "rep,email,team,manager,start_date\n"
    "Ana García,ana@example.com,Mid-Market,Laura Jensen,2022-03-14\n"
    "Ben Okafor,ben@example.com,Mid-Market,Laura Jensen,2021-06-01\n"
)
HEADER = "activity_id,rep,date,type,subject,duration_minutes,outcome,account"
DEALS = "opportunity_id,opportunity_name,owner,account,stage,amount,created_date,close_date,snapshot_date"


def _monday(weeks_before_last: int) -> dt.date:
    return LAST - dt.timedelta(weeks=weeks_before_last)


def _activities(rep: str, factors: list[float], start: int) -> list[str]:
    """One rep's activity log ending in the week under review: each week 25 calls, 5 prospecting blocks
    of 90 min and 3 first meetings, times that week's factor."""
    rows, n = [], start
    for w, factor in enumerate(factors):
        monday = _monday(len(factors) - 1 - w)
        for kind, subject, minutes, usual in (
            ("Call", "Call", 5, 25),
            ("Prospecting block", "Prospecting", 90, 5),
            ("Meeting", "First meeting", 45, 3),
        ):
            for k in range(round(usual * factor)):
                n += 1
                rows.append(
                    f"A{n},{rep},{monday + dt.timedelta(days=k % 5)},{kind},{subject},{minutes},,Acc {k}"
                )
    return rows


def _load(database: Database, write, ana_weeks: int = 12) -> None:
    """Ana: `ana_weeks` weeks, the last 4 at 45% of her usual activity. Ben: 12 steady weeks of
    activity, and a deal created in each of the 6 weeks before his first activity (the deals export
    goes back further)."""
    ana = [(STEADY * 5)[w] for w in range(ana_weeks - 4)] + [0.45] * 4
    ben = [(STEADY * 2)[w] for w in range(12)]
    deals = [
        f"D{k},Deal {k},Ben Okafor,Acc {k},Proposal,40000,{_monday(12 + k)},2027-01-29,{LAST}"
        for k in range(6)
    ]
    log = [HEADER, *_activities("Ana García", ana, 0), *_activities("Ben Okafor", ben, 10**5)]
    files = [
        write("roster.csv", ROSTER),
        write("activities.csv", "\n".join(log) + "\n"),
        write("deals.csv", "\n".join([DEALS, *deals]) + "\n"),
    ]
    for path in files:
        result = ingest_file(database, path)
        assert result.status == "loaded" and result.rows_rejected == 0, result.message


def test_a_slide_in_too_short_a_history_is_named_as_not_judged_yet(database: Database, write) -> None:
    _load(database, write)
    found = interventions.review(database, LAST)
    assert found.flags == []
    needed = DEFAULT.slide_weeks_max + DEFAULT.index_min_weeks  # what the main rule reads: 6 + 10 weeks
    assert [(t.rep, t.weeks, t.needed) for t in found.too_new] == [
        ("Ana García", 12, needed),
        ("Ben Okafor", 12, needed),  # his weeks start at his first activity, not at his first deal
    ]
    assert history.note(found.too_new) == (
        "2 reps have under 16 weeks of activity history, too few to judge a slide against their usual "
        "level yet: Ana García (12 weeks), Ben Okafor (12 weeks)."
    )
    many = [history.TooNew(f"Rep {k}", None, k, needed) for k in range(12)]
    assert history.note(many).endswith("Rep 8 (8 weeks), Rep 9 (9 weeks) and 2 more.")
    assert "Rep 0 (no weeks yet), Rep 1 (1 week)," in history.note(many)


def test_the_same_slide_with_enough_history_is_flagged(database: Database, write) -> None:
    _load(database, write, ana_weeks=20)
    found = interventions.review(database, LAST)
    slides = {f.rep for f in found.flags for s in f.signals if s.rule == "leading_activity_down"}
    assert slides == {"Ana García"}
    assert [t.rep for t in found.too_new] == ["Ben Okafor"]


def test_weeks_before_the_first_activity_are_not_zeros_in_the_usual_level(database: Database, write) -> None:
    _load(database, write)
    rows = rep_view.rep_weekly(database, "Ben Okafor", _monday(17), LAST, names=["calls"])
    calls = rows[rows["metric"] == "calls"].set_index("week")
    # his tenth week of activity: the usual level reads his first 6 weeks (25, 28, 24, 22, 26, 25 calls),
    # not 6 weeks of deals without any activity exported yet (which made it (0 + 22) / 2 = 11)
    assert calls.loc[_monday(2), "baseline"] == pytest.approx(25.0)
    assert calls.loc[_monday(13) : _monday(12), "baseline"].isna().all()


def test_the_chart_and_trend_show_no_activity_before_the_first_activity_not_zeros(
    database: Database, write
) -> None:
    """Ben's deals go back 6 weeks before his activity log: those weeks' calls are unknown on the rep page
    and in `dashboard trend` (not 0 calls, which would draw a cliff he never had), while his deals created
    then are shown, and his usual level is the rules' own."""
    _load(database, write)
    rows = rep_view.rep_weekly(
        database, "Ben Okafor", _monday(17), LAST, names=["calls", "opportunities_created"]
    )
    calls = rows[rows["metric"] == "calls"].set_index("week")
    assert calls.loc[_monday(17) : _monday(12), "value"].isna().all()
    assert calls.loc[_monday(11), "value"] == 25  # his first week of activity
    assert calls.loc[_monday(11) : _monday(9), "moving_avg"].isna().all()  # 4 weeks not known yet
    assert calls.loc[_monday(8), "moving_avg"] == pytest.approx((25 + 28 + 24 + 22) / 4)
    assert calls.loc[_monday(2), "baseline"] == pytest.approx(25.0)
    created = rows[rows["metric"] == "opportunities_created"].set_index("week")
    assert created.loc[_monday(17) : _monday(12), "value"].tolist() == [1.0] * 6
    path = database.path
    database.close()
    out = CliRunner().invoke(
        cli_app, ["--db", str(path), "trend", "Ben Okafor", "--metric", "calls", "--json"]
    )
    assert out.exit_code == 0, out.output
    values = {row["week"]: row["value"] for row in json.loads(out.stdout)}
    assert values[str(_monday(12))] is None and values[str(_monday(11))] == 25
    assert min(values) == str(_monday(17))  # from his first deal: the weeks are there, their calls unknown


def test_the_command_line_notes_the_reps_not_judged_yet(database: Database, write) -> None:
    _load(database, write)
    path = database.path
    database.close()
    result = CliRunner().invoke(cli_app, ["--db", str(path), "interventions"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "no one needs a closer look this week\n"  # the contract's line, unchanged
    assert "Ana García (12 weeks), Ben Okafor (12 weeks)" in result.stderr
    result = CliRunner().invoke(cli_app, ["--db", str(path), "interventions", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []  # stdout stays the JSON of CLI.md
    assert "too few to judge a slide" in result.stderr


def test_the_page_says_who_it_could_not_judge_instead_of_an_all_clear(
    database: Database, write, monkeypatch
) -> None:
    _load(database, write)
    monkeypatch.setenv("DASHBOARD_DB", str(database.path))
    database.close()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
    at.run()
    at.switch_page("pages/interventions.py").run()
    assert not at.exception, at.exception
    assert not at.success  # no "No one needs an early conversation"
    assert at.info[0].value == (
        "No flags in the week of 23 Nov 2026. 2 reps have under 16 weeks of activity history, too few to "
        "judge a slide against their usual level yet: Ana García (12 weeks), Ben Okafor (12 weeks)."
    )


def test_not_judged_yet_is_where_the_main_rule_starts_reading() -> None:
    """The weeks named as needed are the weeks the main rule's rhythm needs: with one week fewer a rep has
    no rhythm and is named, with them the rhythm is read and the rep is not named."""
    needed = DEFAULT.slide_history_weeks
    rows = [
        {
            "rep": rep,
            "team": "East",
            "week": _monday(weeks - 1 - w),
            "calls": 25.0 * STEADY[w % 6],
            "prospecting_minutes": 450.0 * STEADY[(w + 2) % 6],
            "first_meetings": 3.0 * STEADY[(w + 4) % 6],
            "activities_logged": 60.0,
        }
        for rep, weeks in (("Short", needed - 1), ("Enough", needed))
        for w in range(weeks)
    ]
    batch = rules.build_batch(pd.DataFrame(rows), until=LAST)
    reps = list(batch.reps)
    known = batch.rhythm().known
    assert (known[reps.index("Short")], known[reps.index("Enough")]) == (False, True)
    assert [(t.rep, t.weeks, t.needed) for t in history.too_little_history(batch)] == [
        ("Short", needed - 1, needed)
    ]
