"""A flag's evidence reads alone: each line names its metric, each fact is said once; the evidence
chart has a legend and axis units; an acknowledgement rests a flag from its week on, not before."""

from __future__ import annotations

import datetime as dt
import json

from dashboard import interventions, rep_view, rules, trend_chart
from dashboard.db import Database
from dashboard.metrics import BY_NAME
from dashboard.rules import evidence
from tests.test_rules import history, view

SLIDE = {
    "prospecting_minutes": [200, 180, 150, 100],
    "calls": [14, 12, 11, 10],
    "first_meetings": [1, 0, 1, 0],
    "opportunities_created": [0, 0, 0, 0],
    "pipeline_coverage": [2, 2, 2, 2],
}


def test_every_line_names_its_metric_and_says_each_fact_once() -> None:
    flag = rules.check(view(history(**SLIDE)))
    assert flag is not None
    lines = evidence.lines(flag.signals)
    assert len(lines) == len(set(lines))
    labels = [m.label for m in BY_NAME.values()]
    for line in lines:
        assert any(label.lower() in line.lower() for label in labels), line
    # one line per metric: the first meetings' weeks, usual level and expectation together, once each
    meetings = [line for line in lines if line.startswith("First meetings")]
    assert meetings == [
        "First meetings 1, 0, 1, 0 in the last 4 weeks: average 0.5 over the last 4 weeks; usual level 3; "
        "under the expectation of 3/week in each of the last 3 weeks"
    ]
    text = " ".join(lines)
    assert text.count("usual level 450 min") == 1  # three rules read it, the manager reads it once
    assert text.count("200 min, 180 min") == 1


def test_the_product_example_names_its_metric() -> None:
    signals = rules.consecutive_misses(view(history(first_meetings=[1, 0, 1])))
    assert evidence.lines(signals) == [
        "First meetings 1, 0, 1 in the last 3 weeks: usual level 3; "
        "under the expectation of 3/week in each of the last 3 weeks"
    ]


def test_stored_evidence_reads_the_same_and_older_stores_get_their_metric_named() -> None:
    flag = rules.check(view(history(**SLIDE)))
    stored = json.loads(json.dumps([s.to_json() for s in flag.signals]))
    assert evidence.lines(stored) == evidence.lines(flag.signals)
    older = [
        {"metric": "first_meetings", "rule": "consecutive_misses", "detail": "1, 0, 1 in the last 3 weeks"}
    ]
    assert evidence.lines(older) == ["First meetings: 1, 0, 1 in the last 3 weeks"]


def test_the_evidence_chart_has_a_legend_and_axis_units() -> None:
    weeks = [dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(10)]
    import pandas as pd

    rows = pd.DataFrame({"week": weeks, "metric": "prospecting_minutes", "value": 300.0, "target": 450.0})
    chart = trend_chart.metric_chart(rep_view.with_baselines(rows), "prospecting_minutes", average=False)
    colour = chart["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["weekly value", "own usual level", "expectation"]
    assert colour["legend"]["orient"] == "bottom"
    assert chart["layer"][0]["encoding"]["y"]["title"] == "minutes a week"
    assert chart["layer"][0]["encoding"]["x"]["title"] == "week of"


def _flag(week: dt.date, severity: str = "medium") -> rules.Flag:
    return rules.Flag("Ana", "East", week, severity, "slump", (rules.Signal("calls", "x", "1, 0, 1"),))


def test_an_acknowledgement_rests_a_flag_from_its_week_on_not_before(database: Database) -> None:
    w = [dt.date(2026, 3, 2) + dt.timedelta(weeks=k) for k in range(6)]
    for week in w[:4]:
        interventions.store_review(database, week, [_flag(week)])
    interventions.acknowledge(database, "Ana", "discussed in 1:1", week=w[2])

    def shown(week: dt.date) -> bool:
        return bool(interventions.needs_attention(database, [_flag(week)]))

    assert shown(w[0]) and shown(w[1])  # looking back before the conversation: still there
    assert not shown(w[2]) and not shown(w[3])  # from the week it was discussed: resting
    interventions.store_review(database, w[4], [])  # the episode resolves
    assert shown(w[1]) and not shown(w[3])  # history reads the same once the episode is closed
    interventions.store_review(database, w[5], [_flag(w[5])])  # a new episode: not rested by the old note
    assert shown(w[5])
