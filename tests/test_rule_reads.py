"""The rules' read of the data leaves out the metrics no rule reads (`rules.UNREAD_METRICS`): the flags
and every rule's signals are the same as from a read of every metric."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from dashboard import interventions, leader, metrics, rules, targets, team_view

WEEK = dt.date(2026, 11, 16)  # the sample company's latest week
RULES_DIR = Path(rules.__file__).parent


def test_no_rule_reads_a_metric_the_rules_read_leaves_out():
    for path in RULES_DIR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "config.py":
            assert not any(name in text for name in rules.UNREAD_METRICS), path.name
    assert set(interventions.RULE_METRICS) == set(metrics.METRIC_NAMES) - rules.UNREAD_METRICS


def test_flags_and_signals_are_those_of_a_read_of_every_metric(sample):
    off = interventions.time_off(sample)
    signals = 0
    for week in [WEEK - dt.timedelta(weeks=n) for n in (0, 1, 3, 8)]:
        start = week - dt.timedelta(weeks=interventions.HISTORY_WEEKS)
        every = metrics.weekly_metrics(sample, start, week)
        assert every["target_account_coverage"].notna().any()  # the sample company has target accounts
        goals = targets.weekly_targets(sample, start, week)
        batches = [
            rules.build_batch(frame, goals, off, until=week)
            for frame in (every, every[[c for c in every if c not in rules.UNREAD_METRICS]])
        ]
        read = [{r.name: r.signals(b) for r in rules.RULES} for b in batches]
        assert read[0] == read[1]
        signals += sum(len(found) for found in read[0].values())
        assert interventions.evaluate(sample, week) == rules.evaluate_frames(every, goals, week, off)
    assert signals > 20


def test_every_reader_of_the_company_targets_finds_rows_by_their_key_not_their_order(sample):
    """`queries/rep_weekly_targets.sql` returns its rows in no particular order (sorting them cost a
    tenth of the rules' read at 5M activities): the rules, the team view and the leader's judged
    expectations give the same result from the rows shuffled."""
    start = WEEK - dt.timedelta(weeks=interventions.HISTORY_WEEKS)
    values = metrics.weekly_metrics(sample, start, WEEK)
    goals = targets.weekly_targets(sample, start, WEEK)
    assert len(goals) == len(goals.drop_duplicates(["rep", "week", "metric"])) > 1000
    off = interventions.time_off(sample)
    for seed in (1, 2):
        shuffled = goals.sample(frac=1, random_state=seed).reset_index(drop=True)
        for week in (WEEK, WEEK - dt.timedelta(weeks=2)):
            assert rules.evaluate_frames(values, shuffled, week, off) == rules.evaluate_frames(
                values, goals, week, off
            )
        pd.testing.assert_frame_equal(team_view.progress(values, shuffled), team_view.progress(values, goals))
        pd.testing.assert_frame_equal(leader.judged(values, shuffled), leader.judged(values, goals))
