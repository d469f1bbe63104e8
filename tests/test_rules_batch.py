"""The rules read every rep at once: the same flags as each rep alone, and the baseline as defined.

Random rep histories (hypothesis draws the seed of a small simulated team):
dips, slides, missing weeks, logging gaps, weeks without a value. Each rep's
flags from the whole team's batch must equal those from a batch of that rep
alone, in every week, and from the rep's own view (`build_views`). The usual
level is checked against the definition written plainly for one rep.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics

import numpy as np
import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dashboard import rules
from dashboard.rules import windows

W0 = dt.date(2025, 1, 6)
LEVELS = {
    "prospecting_minutes": 450.0,
    "calls": 25.0,
    "connects": 5.0,
    "monday_call_share": 0.2,
    "first_meetings": 3.0,
    "opportunities_created": 1.2,
    "pipeline_created": 50000.0,
    "self_sourced_share": 0.6,
    "wins": 1.0,
    "losses": 2.0,
    "pipeline_coverage": 3.5,
    "open_deals": 12.0,
    "open_deals_worked": 0.5,
    "activities_logged": 45.0,
}
TARGETS = {"prospecting_minutes": 450.0, "first_meetings": 3.0, "calls": 25.0, "pipeline_coverage": 3.0}


def team(seed: int, reps: int = 4, weeks: int = 44) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A team whose reps each may slide, drop a metric, skip weeks or stop logging."""
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(reps):
        scale = rng.uniform(0.5, 1.5, size=len(LEVELS))
        noise = rng.uniform(0.05, 0.5)
        slide_from = int(rng.integers(weeks // 2, weeks + 4))
        slide = rng.uniform(0.2, 1.0)
        start = int(rng.integers(0, 12))
        for w in range(start, weeks):
            if rng.random() < 0.04:
                continue  # no row this week
            factor = slide if w >= slide_from else 1.0
            row = {"rep": f"Rep {r}", "team": "East" if r < 3 else "West", "week": W0 + dt.timedelta(weeks=w)}
            for (name, level), s in zip(LEVELS.items(), scale, strict=True):
                value = level * s * factor * max(0.0, 1 + noise * rng.standard_normal())
                if name in ("monday_call_share", "self_sourced_share", "open_deals_worked"):
                    value = min(value, 1.0)
                elif name not in ("pipeline_created", "pipeline_coverage"):
                    value = float(round(value))
                if (
                    name in ("monday_call_share", "self_sourced_share", "pipeline_coverage")
                    and rng.random() < 0.05
                ):
                    value = np.nan
                row[name] = value
            if rng.random() < 0.05:
                row["activities_logged"] = 1.0  # a logging gap
            rows.append(row)
    frame = pd.DataFrame(rows)
    goals = pd.DataFrame(
        [
            {"rep": r.rep, "week": r.week, "metric": m, "target": v}
            for r in frame[["rep", "week"]].itertuples()
            for m, v in TARGETS.items()
        ]
    )
    return frame, goals


def as_json(flags: list[rules.Flag]) -> list[dict]:
    return [f.to_json() | {"weights": [s.weight for s in f.signals]} for f in rules.sort_flags(flags)]


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
@example(seed=32)  # a rep without a row the week before a flag that waits for a second week
def test_every_rep_at_once_flags_as_each_rep_alone(seed: int) -> None:
    frame, goals = team(seed)
    batch = rules.build_batch(frame, goals)
    views = {v.rep: v for v in rules.build_views(frame, goals)}
    for t in range(12, batch.weeks.size):
        now = batch.upto(t)
        together = as_json(rules.check_batch(now))
        alone = [rules.check_batch(now.select(slice(i, i + 1))) for i in range(now.reps.size)]
        assert together == as_json([f for flags in alone for f in flags])
        if t % 4:
            continue  # a rep's own view is a batch of one: slower, so read every 4th week
        week = batch.weeks[t]
        for rep, view in views.items():  # each rep's own history, over the weeks they have rows
            k = int(np.searchsorted(view.weeks, week))
            if k < view.weeks.size and view.weeks[k] == week:
                own = rules.check(view.upto(k))
                assert as_json([own] if own else []) == [f for f in together if f["rep"] == rep]


def reference_level(values: list[float], metric: str, cfg: rules.Thresholds) -> float | None:
    """The usual level written plainly for one rep's weeks that count (oldest first)."""
    end = len(values) - cfg.recent_weeks
    runs = []
    for b in (0, 1):
        hi = max(end - b * cfg.baseline_weeks, 0)
        run = [v for v in values[max(hi - cfg.baseline_weeks, 0) : hi] if not math.isnan(v)]
        if len(run) >= cfg.min_baseline_weeks:
            runs.append(run)
    if not runs:
        return None
    medians = [statistics.median(run) for run in runs]
    deviation = statistics.fmean([abs(v - m) for run, m in zip(runs, medians, strict=True) for v in run])
    spread = max(math.sqrt(math.pi / 2) * deviation, cfg.min_relative_spread * abs(max(medians)))
    if metric == "calls":
        spread = max(spread, math.sqrt(max(max(medians), 1.0)))
    return max(medians) if spread > 0 else None


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.floats(0, 500, allow_nan=False), st.just(math.nan)), min_size=0, max_size=40
    ),
    metric=st.sampled_from(["calls", "pipeline_coverage"]),
)
def test_usual_level_is_the_higher_median_of_the_two_quarters_before_the_recent_weeks(
    values: list[float], metric: str
) -> None:
    cfg = rules.DEFAULT
    counts = np.ones(len(values), dtype=bool)
    by_week = windows.usual_level_by_week(np.array(values, dtype=float), counts, metric, cfg)
    for t in range(len(values)):
        expected = reference_level(values[: t + 1], metric, cfg)
        if expected is None:
            assert math.isnan(by_week[t])
        else:
            assert math.isclose(by_week[t], expected, rel_tol=1e-12, abs_tol=1e-12)


def test_usual_level_by_week_by_hand() -> None:
    # 13 weeks at 10, 13 weeks at 20, then 4 recent weeks at 1: the higher quarter (20) is the level
    values = np.array([10.0] * 13 + [20.0] * 13 + [1.0] * 4)
    level = windows.usual_level_by_week(values, np.ones(values.size, dtype=bool), "calls", rules.DEFAULT)
    assert np.isnan(level[8])  # 9 weeks: 5 before the recent window, fewer than 6
    assert level[9] == 10.0  # 6 weeks before the recent window
    assert level[-1] == 20.0
    skipped = np.ones(values.size, dtype=bool)
    skipped[13:26] = False  # weeks that do not count (time off): the run reaches back to the 10s
    level = windows.usual_level_by_week(values, skipped, "calls", rules.DEFAULT)
    assert level[-1] == 10.0
