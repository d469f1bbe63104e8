"""Every registered rule on a batch of reps: the flags of the week under review.

`RULES` is the one list of rules (adding a rule touches one place). A flag
needs primary rules whose signals weigh at least `flag_weight`; the total
weight of the evidence sets the severity. A logging gap while the pipeline
keeps moving is a hygiene note instead, and its activity signals are dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.rules.activity import (
    below_baseline,
    consecutive_misses,
    leading_activity_down,
    leading_drop_results_fine,
    monday_call_avoidance,
    negative_trend,
)
from dashboard.rules.batch import Batch, RepView
from dashboard.rules.config import ACTIVITY_METRICS, DEFAULT, Thresholds
from dashboard.rules.deal_progress import deals_stalling, meetings_not_converting
from dashboard.rules.findings import Flag, Signal, sort_flags
from dashboard.rules.grid import build_batch
from dashboard.rules.history import TooNew, too_little_history
from dashboard.rules.moving_on import buyers_not_moving_on
from dashboard.rules.pipeline import (
    coverage_under_target,
    falling_win_rate,
    marketing_only,
    no_opportunities,
    open_deals_going_quiet,
)
from dashboard.rules.rule import Rule
from dashboard.rules.windows import columns, gather, median
from dashboard.rules.wording import fmt, series

RULES: tuple[Rule, ...] = (
    leading_activity_down,
    consecutive_misses,
    below_baseline,
    negative_trend,
    leading_drop_results_fine,
    no_opportunities,
    coverage_under_target,
    monday_call_avoidance,
    marketing_only,
    open_deals_going_quiet,
    falling_win_rate,
    deals_stalling,
    meetings_not_converting,
    buyers_not_moving_on,
)


def hygiene_signals(b: Batch) -> dict[int, Signal]:
    """Logging collapsed in most recent weeks while the pipeline keeps moving: a CRM note, not a slump."""
    cfg = b.cfg
    index, count = b.window("wins")
    shown = np.minimum(count, 3)
    logged = gather(b.logged.astype(float), index)[:, -3:]
    gaps = (logged == 0).sum(axis=1)
    rows = np.flatnonzero(gaps >= cfg.hygiene_weeks)
    moving = np.zeros(rows.size)
    for m in ("opportunities_created", "wins"):
        if m in b.values:
            moving += np.nansum(columns(b.series(m)[rows], 0, 3), axis=1)
    if "pipeline_coverage" in b.values:
        coverage = columns(b.series("pipeline_coverage")[rows], 0, 3)
        some = (shown[rows] >= 2) & ~np.isnan(coverage).all(axis=1)
        moves = np.nanmax(coverage[some], axis=1) - np.nanmin(coverage[some], axis=1) > 0
        moving[some] += moves
    out = {}
    for k in np.flatnonzero(moving > 0):
        row = int(rows[k])
        logged_values = columns(b.series("activities_logged", within="wins")[row : row + 1], 0, shown[row])[0]
        usual = b.values["activities_logged"][row][b.activity_weeks()[row]]
        usual_median = median(usual[-cfg.baseline_weeks :]) if usual.size else float("nan")
        out[row] = Signal(
            "activities_logged",
            "logging_gap",
            f"activities logged {series('activities_logged', logged_values)} in the last {shown[row]} weeks "
            f"vs a usual level of {fmt('activities_logged', usual_median)}, while the pipeline kept moving "
            f"(opportunities created or won): worth checking the CRM logging, not a slump",
        )
    return out


def check_batch(b: Batch, *, confirm: bool = True) -> list[Flag]:
    """All rules on every rep of the batch: the flags of the week under review (the last), unsorted.

    A low or medium slump flag whose evidence is activity alone is raised only when the rules raised
    one for the rep in each of the `confirm_weeks - 1` weeks before too: a rep's activity drifts for
    a week or two on its own, a slump goes on. High severity and the deal-progress signs, which already
    read 4 to 6 weeks, raise a flag at once. `confirm=False`: every week on its own (the weeks before).
    """
    if not b.weeks.size:
        return []
    found: dict[int, list[tuple[bool, Signal]]] = {}
    for registered in RULES:
        for row, signals in registered.signals(b).items():
            found.setdefault(row, []).extend((registered.primary, s) for s in signals)
    hygiene = hygiene_signals(b)
    cfg, week, flags = b.cfg, b.weeks[-1], []
    waiting: dict[int, int] = {}  # a flag's place in `flags` → its row, for the flags that wait
    for row in sorted(set(found) | set(hygiene)):
        if not b.usable[row, -1]:
            continue  # time off or a team-wide dip this week
        rep, team, pairs = str(b.reps[row]), b.team(row), found.get(row, [])
        if row in hygiene:
            pairs = [(p, s) for p, s in pairs if s.metric not in ACTIVITY_METRICS]
        signals = [s for _, s in pairs]
        weight = sum(s.weight for s in signals)
        if sum(s.weight for p, s in pairs if p) >= cfg.flag_weight:
            severity = (
                "high" if weight >= cfg.high_weight else "medium" if weight >= cfg.medium_weight else "low"
            )
            if confirm and severity != "high" and not any(s.rule in AT_ONCE for s in signals):
                waiting[len(flags)] = row
            ordered = tuple(sorted(signals, key=lambda s: -s.weight))
            flags.append(Flag(rep, team, week, severity, "slump", ordered))
        elif row in hygiene:
            flags.append(Flag(rep, team, week, "low", "hygiene", (hygiene[row],)))
    if waiting:
        confirmed = _flagged_in_weeks_before(b, set(waiting.values()))
        flags = [f for at, f in enumerate(flags) if at not in waiting or waiting[at] in confirmed]
    return flags


AT_ONCE = frozenset({"deals_stalling", "meetings_not_converting", "buyers_not_moving_on"})
"""Rules whose signs raise a flag without waiting for a second week: they read 4 to 6 weeks already."""


def _flagged_in_weeks_before(b: Batch, rows: set[int]) -> set[int]:
    """Those of `rows` the rules (each week on its own) raised a slump flag for in each of their last
    `confirm_weeks - 1` weeks with a row before the week under review (a rep's own history, as
    `RepView` reads it, skips the weeks they have no row)."""
    needed = b.cfg.confirm_weeks - 1
    if needed <= 0:
        return rows
    earlier = {row: np.flatnonzero(b.present[row, :-1])[-needed:].tolist() for row in rows}
    earlier = {row: weeks for row, weeks in earlier.items() if len(weeks) == needed}
    flagged_at = {  # the week index → the reps flagged in it
        t: {f.rep for f in check_batch(b.upto(t), confirm=False) if f.kind == "slump"}
        for t in {t for weeks in earlier.values() for t in weeks}
    }
    return {row for row, weeks in earlier.items() if all(str(b.reps[row]) in flagged_at[t] for t in weeks)}


def check(view: RepView) -> Flag | None:
    """All rules on one rep's history: a flag for the last week, or None."""
    flags = check_batch(view.batch)
    return flags[0] if flags else None


@dataclass(frozen=True)
class Review:
    """One week's review: the flags, most severe first, and the reps not judged yet (`rules.history`)."""

    flags: list[Flag]
    too_new: list[TooNew]


def review_frames(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None,
    week: dt.date,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> Review:
    """The review of `week` (a Monday) from in-memory frames: flags and the reps with too little history."""
    batch = build_batch(metrics, targets, time_off, cfg, until=week)
    if not batch.weeks.size or batch.weeks[-1] != week:
        return Review([], [])  # no rep has data in the week
    return Review(sort_flags(check_batch(batch)), too_little_history(batch))


def evaluate_frames(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None,
    week: dt.date,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> list[Flag]:
    """Flags for `week` (a Monday) from in-memory frames, most severe first."""
    return review_frames(metrics, targets, week, time_off, cfg).flags
