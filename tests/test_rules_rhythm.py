"""Slides judged against each rep's own rhythm, from exports: a streaky rep's usual cold run is not a
slump; a slow slide is, before it reaches results.

Two reps' activity logs are written out as CSV exports and loaded through the real ingest.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from dashboard import interventions
from dashboard.db import Database
from dashboard.ingest import ingest_file
from dashboard.rules import DEFAULT
from dashboard.rules.rhythm import window_variance

W0 = dt.date(2025, 9, 1)
WEEKS = 30
# The streaky rep runs hot and cold for weeks at a time, ±30% around their level, and ends in a cold run.
STREAKY = [1.3, 1.25, 1.3, 0.7, 0.65, 0.7, 0.75, 1.0, 1.25, 1.3, 1.2, 0.7, 0.7, 0.65, 1.0, 1.3, 1.25]
STREAKY += [1.3, 0.75, 0.7, 0.65, 0.7, 1.1, 1.25, 1.3, 1.2, 1.0, 0.7, 0.65, 0.7]
# The sliding rep is steady (±10%), then each week a little less: 90%, 80% … 45% of their level.
STEADY = [1.0, 1.1, 0.95, 0.9, 1.05, 1.0]
SLIDE = [(STEADY * 5)[w] for w in range(WEEKS - 6)] + [0.9, 0.8, 0.7, 0.6, 0.5, 0.45]


def _activities(rep: str, factors: list[float], start: int) -> list[str]:
    """One rep's activity log: each week 25 calls, 5 prospecting blocks of 90 min and 3 first meetings,
    times that week's factor."""
    rows, n = [], start
    for w, factor in enumerate(factors):
        monday = W0 + dt.timedelta(weeks=w)
        for kind, subject, minutes, usual in (
            ("Call", "Call", 5, 25),
            ("Prospecting block", "Prospecting", 90, 5),
            ("Meeting", "First meeting", 45, 3),
        ):
            for k in range(round(usual * factor)):
                n += 1
                day = monday + dt.timedelta(days=k % 5)
                rows.append(f"A{n},{rep},{day},{kind},{subject},{minutes},,Account {w}-{k}")
    return rows


def _load(database: Database, write) -> None:
    roster = (
        "rep,email,team,manager,start_date\n"
        "Sam Streak,sam@example.com,East,Mia Ford,2024-01-08\n"
        "Lee Slide,lee@example.com,East,Mia Ford,2024-01-08\n"
    )
    header = "activity_id,rep,date,type,subject,duration_minutes,outcome,account"
    log = [header, *_activities("Sam Streak", STREAKY, 0), *_activities("Lee Slide", SLIDE, 100000)]
    for path in (write("roster.csv", roster), write("activities.csv", "\n".join(log) + "\n")):
        result = ingest_file(database, path)
        assert result.status == "loaded" and result.rows_rejected == 0, result.message


def _slumps(database: Database, week: int) -> dict[str, list]:
    flags = interventions.evaluate(database, W0 + dt.timedelta(weeks=week))
    return {f.rep: list(f.signals) for f in flags if f.kind == "slump"}


def test_streaky_rep_in_a_usual_cold_run_is_not_flagged_and_a_slow_slide_is(
    database: Database, write
) -> None:
    _load(database, write)
    weeks = range(WEEKS - 6, WEEKS)  # the slide's weeks; the streaky rep's last cold run is in them
    slumps = {w: _slumps(database, w) for w in weeks}
    assert all("Sam Streak" not in found for found in slumps.values())
    flagged = [w for w in weeks if "Lee Slide" in slumps[w]]
    assert flagged and flagged[0] > WEEKS - 6  # the first week of the slide: nothing yet
    assert flagged[0] <= WEEKS - 2, flagged  # found while activity is still 60–70% of usual
    [signal] = [s for s in slumps[WEEKS - 1]["Lee Slide"] if s.rule == "leading_activity_down"]
    assert signal.detail.startswith("prospecting")
    assert "under this rep's usual level over the last" in signal.detail
    assert "cold spell" in signal.detail and "%" in signal.detail


def test_window_variance_is_the_variance_of_a_mean_of_persistent_weeks() -> None:
    """The closed form against the sum it stands for, and against a simulated AR(1)."""
    for rho in (0.0, 0.3, 0.6):
        k = 4
        direct = sum(rho ** abs(i - j) for i in range(k) for j in range(k)) / k**2
        assert np.isclose(window_variance(k, np.array(rho)), direct)
    rng = np.random.default_rng(3)
    x = np.zeros((20000, 6))
    x[:, 0] = rng.normal(size=20000)
    for t in range(1, 6):
        x[:, t] = 0.6 * x[:, t - 1] + rng.normal(0, np.sqrt(1 - 0.36), 20000)
    assert abs(x.mean(axis=1).var() - window_variance(6, np.array(0.6))) < 0.03
    assert DEFAULT.slide_weeks_max == max(DEFAULT.slide_windows)
