"""What the agenda praises and what it makes a focus area, read against the rules' flags: no "well done"
for a coached metric that barely moved or that a current flag names, a hygiene note raised as a question
about logging (not as activity focus areas), and personal bests counted over the weeks on record."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import demo, rules
from dashboard.agenda import drafts, recognition, tactics, tone
from dashboard.agenda.checks import coaching_checks
from dashboard.coaching import MOVED_BY
from dashboard.db import Database

WEEK = dt.date(2026, 11, 16)  # the sample company's latest week


@pytest.fixture(scope="module")
def coached(sample_template: Path, tmp_path_factory) -> Database:
    """The sample company with its seeded coaching history (focus areas agreed in Sep and Oct)."""
    path = tmp_path_factory.mktemp("coached") / "sample.duckdb"
    shutil.copyfile(sample_template, path)
    database = Database(path)
    assert demo.seed_coaching(database) is not None
    yield database
    database.close()


def _section(body: str, title: str) -> str:
    start = body.index(title)
    end = body.find("\n## ", start)
    return body[start : end if end > 0 else None]


def test_a_coached_metric_the_flag_says_slid_is_not_praised(coached):
    """Tyler Nguyen's prospecting minutes went 180 -> 188 min a week since the focus, while his flag
    says they ran about half his usual 495 min: no "moved", no "well done"; the windows are named and
    the usual level the flag quotes is said beside them."""
    current = drafts.current(coached, "Tyler Nguyen", WEEK)
    (check,) = [c for c in current.agenda.coaching_checks if c.metric == "prospecting_minutes"]
    assert (check.before, check.since, check.outcome) == ("180 min", "188 min", "slid")
    assert "well done" not in current.body
    assert not any("moved" in item for item in current.agenda.recognition)
    line = next(x for x in current.body.splitlines() if x.startswith("- Prospecting minutes (focus since"))
    assert "180 min a week in the 4 weeks up to it, 188 min a week in the 8 weeks since" in line
    assert "Your usual level is about 495 min" in line
    assert not tone.check(current.body)


def test_a_change_of_a_few_percent_is_not_praised(coached):
    """Aisha Mohammed's prospecting minutes went 360 -> 369 min a week (+2.5%), her commitment 'not yet'
    time after time: not moving yet, and not in her recognition."""
    current = drafts.current(coached, "Aisha Mohammed", WEEK)
    (check,) = [c for c in current.agenda.coaching_checks if c.metric == "prospecting_minutes"]
    assert (check.before, check.since, check.outcome) == ("360 min", "369 min", "not yet")
    assert "Not moving yet: time for a fresh look at the tactic." in current.body
    assert "well done" not in current.body
    assert not any(item.startswith("Prospecting minutes moved") for item in current.agenda.recognition)


def _agreed(metric: str) -> pd.DataFrame:
    return pd.DataFrame({"week": [dt.date(2026, 10, 5)], "metric": [metric]})


def _weeks(values: list[float], metric: str) -> pd.DataFrame:
    weeks = [dt.date(2026, 9, 14) + dt.timedelta(weeks=i) for i in range(len(values))]
    return pd.DataFrame({"week": weeks, metric: values})


@pytest.mark.parametrize(
    ("metric", "before", "since", "outcome"),
    [
        ("calls", 20, 21.8, "not yet"),  # +9%: drift
        ("calls", 20, 22, "moved"),  # +10%
        ("calls", 20, 19, "not yet"),
        ("calls", 0, 5, "moved"),
        ("pipeline_coverage", 2.7, 2.8, "not yet"),  # +4%
        ("pipeline_coverage", 2.5, 3.0, "moved"),
    ],
)
def test_moved_means_by_a_tenth_of_the_level_before(metric, before, since, outcome):
    values = _weeks([before] * 4 + [since] * 4, metric)
    (check,) = coaching_checks(_agreed(metric), values["week"].iloc[-1], values, 4)
    assert MOVED_BY == 0.1 and check.outcome == outcome


def test_a_flag_or_a_logging_gap_overrides_moved():
    values = _weeks([20] * 4 + [30] * 4, "calls")
    week = values["week"].iloc[-1]
    (slid,) = coaching_checks(_agreed("calls"), week, values, 4, slid={"calls"}, usual={"calls": 40})
    assert slid.outcome == "slid" and "about 40" in slid.verdict and not slid.moved
    (unsure,) = coaching_checks(_agreed("calls"), week, values, 4, logging_gap=True)
    assert unsure.outcome == "logging" and "CRM" in unsure.verdict
    (pipeline,) = coaching_checks(
        _agreed("pipeline_coverage"),
        week,
        _weeks([2.0] * 4 + [3.0] * 4, "pipeline_coverage"),
        4,
        logging_gap=True,
    )
    assert pipeline.outcome == "moved"  # the logging gap is about activity only


def test_a_logging_gap_is_a_question_about_logging_not_a_focus_area(coached):
    """Brittany Morales: activities logged 2, 4, 1 vs a usual 44 while her pipeline kept moving (a
    hygiene note). Her draft asks about the logging kindly, makes no activity metric a focus area,
    and does not judge her coached prospecting minutes on those weeks."""
    current = drafts.current(coached, "Brittany Morales", WEEK)
    agenda = current.agenda
    assert agenda.questions[0] == tactics.LOGGING_QUESTION
    assert "logging" in _section(current.body, "## 6. Questions")
    assert agenda.focus and not any(f.metric in rules.ACTIVITY_METRICS for f in agenda.focus)
    assert "0 min, 0 min, 0 min, 0 min" not in _section(current.body, "## 4. Focus areas")
    (check,) = [c for c in agenda.coaching_checks if c.metric == "prospecting_minutes"]
    assert check.outcome == "logging" and "fresh look" not in check.verdict
    assert not any("CRM current" in item for item in agenda.recognition)
    noted = {
        e.metric
        for e in agenda.expectations
        if e.detail.endswith("the logging may be behind (see the questions)")
    }
    assert noted == {"prospecting_minutes", "calls", "first_meetings"}  # her activity expectations
    assert not tone.check(current.body)


def test_without_a_hygiene_note_the_draft_does_not_ask_about_logging(coached):
    assert tactics.LOGGING_QUESTION not in drafts.current(coached, "Tyler Nguyen", WEEK).agenda.questions


def _recognize(values: pd.DataFrame, started: dict, usual: dict[str, float]) -> list[str]:
    return recognition.recognize(values, {}, {}, [], usual, started, frozenset(), False, ())


def _history(minutes: list[float], logged: list[float]) -> pd.DataFrame:
    weeks = [WEEK - dt.timedelta(weeks=len(minutes) - 1 - i) for i in range(len(minutes))]
    zeros = [0.0] * len(minutes)
    frame = {name: zeros for name in recognition.PERSONAL_BEST_METRICS}
    return pd.DataFrame(
        {"week": weeks, **frame, "prospecting_minutes": minutes, "activities_logged": logged, "wins": zeros}
    )


def test_a_personal_best_counts_the_weeks_on_record():
    """26 weeks read, activity only in the last 12: "since the week of ..., when your records start",
    not "in 26 weeks"; with records all along, the 26 weeks."""
    minutes = [0.0] * 14 + [300.0] * 11 + [480.0]
    values = _history(minutes, [0.0] * 14 + [40.0] * 12)
    first = values["week"].iloc[14]
    started = {"activity": first, "any": first}
    (item,) = _recognize(values, started, {})
    assert (
        item
        == f"Prospecting minutes: 480 min this week, your highest since the week of {first:%d %b}, "
        + ("when your records here start.")
    )
    always = _history([100.0] * 25 + [480.0], [40.0] * 26)
    start = always["week"].iloc[0] - dt.timedelta(weeks=10)  # records began before the weeks read
    (item,) = _recognize(always, {"activity": start, "any": start}, {})
    assert item == "Prospecting minutes: 480 min this week, your highest in 26 weeks."


def test_a_week_is_praised_once_not_as_a_best_and_again_against_the_usual():
    values = _history([200.0] * 25 + [240.0], [40.0] * 26)
    start = values["week"].iloc[0]
    items = _recognize(values, {"activity": start, "any": start}, {"prospecting_minutes": 180.0})
    assert items == ["Prospecting minutes: 240 min this week, your highest in 26 weeks."]


def test_one_week_before_the_focus_is_too_little_to_judge_it():
    """A new hire agreed a focus in their first week (0 min of prospecting on record, as the sample's
    Chloe Dubois): what came since is no "well done" against that single week, nor a "not moving yet";
    with two weeks on record before, it is judged."""
    agreed = _agreed("prospecting_minutes")
    values = _weeks([0, 0, 0, 0, 240, 240, 240, 240], "prospecting_minutes")
    first_week_only = values[values["week"] >= agreed["week"].iloc[0]]  # nothing before the agreement week
    (check,) = coaching_checks(agreed, values["week"].iloc[-1], first_week_only, 4)
    assert (check.before_weeks, check.outcome, check.moved) == (1, "too early", False)
    assert check.verdict == "Too little on record before the focus to say whether it moved."
    two_weeks = values[values["week"] >= agreed["week"].iloc[0] - dt.timedelta(weeks=1)]
    (check,) = coaching_checks(agreed, values["week"].iloc[-1], two_weeks, 4)
    assert (check.before_weeks, check.outcome) == (2, "moved")


def test_the_new_hires_draft_praises_no_move_from_her_first_week(coached):
    draft = drafts.current(coached, "Chloe Dubois", WEEK)
    (check,) = [c for c in draft.agenda.coaching_checks if c.metric == "prospecting_minutes"]
    assert (check.before_weeks, check.outcome) == (1, "too early")
    assert not any("moved since we focused" in item for item in draft.agenda.recognition)
    assert "Too little on record before the focus" in draft.body
