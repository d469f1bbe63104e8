"""Rules on leading activity: prospecting, calls and first meetings against each rep's own usual level.

The main rule reads the three together (`leading_activity_down`) and fires when
they slid under the rep's usual level further than the rep's own rhythm allows
(`rhythm`; `slide_test = "joint"` keeps the earlier joint-index test, for
comparison in the harness); one-metric dips only add evidence. Each
rule computes its test for every rep at once and words the evidence only for
the reps it fires for.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from dashboard.rules.batch import Batch
from dashboard.rules.config import EXPECTATION_METRICS, LEADING_DECLINE_METRICS
from dashboard.rules.findings import Fact
from dashboard.rules.mix import deal_work_pace, mix_changed
from dashboard.rules.rhythm import most_share, slide
from dashboard.rules.rule import Finding, rule
from dashboard.rules.slide_wording import slide_sentence
from dashboard.rules.windows import baseline_runs, columns, nanmean_rows
from dashboard.rules.wording import fmt, label, series, usual
from dashboard.wording import count


@rule("leading_activity_down", primary=True)
def leading_activity_down(b: Batch) -> Iterator[Finding]:
    """Prospecting, calls and first meetings together slid under the rep's usual level, further than the
    rep's own ups and downs take them, and further than their work on open deals did (`mix`)."""
    if b.cfg.slide_test == "joint":
        yield from _joint_index_down(b)
        return
    cfg, r = b.cfg, b.rhythm()
    found = slide(r, cfg)
    pace = deal_work_pace(b, found.weeks)
    most = most_share(r, cfg)
    fires = found.fires & (mix_changed(found.ratio, most, pace, cfg) if cfg.mix_ratio > 0 else True)
    for row in np.flatnonzero(fires):
        row = int(row)
        names = [m for m, inc in zip(LEADING_DECLINE_METRICS, r.included[row], strict=True) if inc]
        sentence = slide_sentence(names, found, row, float(r.swing[row]), float(pace[row]))
        # each metric's recent weeks, as the other rules show them (the sentence names the slide's window)
        facts = tuple(Fact(m, tuple(b.recent(m)[row]), (usual(m, b.baseline(m)[row]),)) for m in names)
        yield Finding(row, names[0], sentence, 2, sentence[0].upper() + sentence[1:], facts)


def _joint_index_down(b: Batch) -> Iterator[Finding]:
    cfg, index = b.cfg, b.leading_index()
    count = b.count(LEADING_DECLINE_METRICS[0])
    candidates = np.flatnonzero(index.known & (count >= cfg.slide_history_weeks))
    z = index.z[candidates]
    recent = columns(z, 0, cfg.persist_weeks)
    low = (recent <= -cfg.index_week_z).sum(axis=1)
    mean = nanmean_rows(recent)
    longer = nanmean_rows(columns(z, 0, cfg.sustained_weeks))
    sustained = (
        (count[candidates] >= cfg.sustained_weeks + cfg.index_min_weeks)
        & (longer <= -cfg.sustained_z)
        & (mean <= -cfg.sustained_z)
    )
    fires = sustained | ((low >= cfg.persist_min) & (mean <= -cfg.index_mean_z))
    for k in np.flatnonzero(fires):
        row = int(candidates[k])
        names = index.metrics(row)
        evidence = "; ".join(
            f"{label(m)} {series(m, b.series(m)[row, -cfg.persist_weeks :])} "
            f"(usually about {fmt(m, b.baseline(m)[row])})"
            for m in names
        )
        under = f"early activity under its usual range in {low[k]} of the last {cfg.persist_weeks} weeks"
        why = "It usually shows in results a few weeks later, so this is a good moment to help"
        yield Finding(
            row,
            names[0],
            f"{under}: {evidence}. {why}",
            2,
            f"{under} ({', '.join(label(m) for m in names)}). {why}",
            tuple(
                Fact(m, tuple(b.series(m)[row, -cfg.persist_weeks :]), (usual(m, b.baseline(m)[row]),))
                for m in names
            ),
        )


@rule("consecutive_misses", primary=False)
def consecutive_misses(b: Batch) -> Iterator[Finding]:
    """Several weeks in a row under a weekly expectation the rep usually meets."""
    n = b.cfg.consecutive_misses
    for m in EXPECTATION_METRICS:
        values, targets = b.recent(m, n), columns(b.target_series(m), 0, n)
        base = b.baseline(m)
        fires = (
            (b.count(m) >= n)
            & ~np.isnan(base)
            & ~np.isnan(targets).any(axis=1)
            & (values < targets).all(axis=1)
            & (base >= targets[:, -1])
        )
        for row in np.flatnonzero(fires):
            expectation = fmt(m, targets[row, -1])
            yield Finding(
                int(row),
                m,
                f"{series(m, values[row])} in the last {n} weeks vs expectation "
                f"{expectation}/week and usual level {fmt(m, base[row])}",
                facts=(
                    Fact(
                        m,
                        tuple(values[row]),
                        (f"under the expectation of {expectation}/week in each of the last {n} weeks",
                         usual(m, base[row])),
                    ),
                ),
            )  # fmt: skip


@rule("below_own_baseline", primary=False)
def below_baseline(b: Batch) -> Iterator[Finding]:
    """Recent average of a leading indicator well under the rep's own usual level and usual swing."""
    cfg = b.cfg
    for m in LEADING_DECLINE_METRICS:
        typical, spread = b.level(m)
        values = b.recent(m)
        candidates = np.flatnonzero(
            (typical >= cfg.min_baseline.get(m, 0)) & (b.count(m) >= cfg.recent_weeks)  # False where NaN
        )
        mean = nanmean_rows(values[candidates])
        level, swing = typical[candidates], spread[candidates]
        z = (mean - level) / (swing / math.sqrt(cfg.recent_weeks))
        fires = (mean < cfg.decline_ratio * level) & (z <= -cfg.decline_z)
        for k in np.flatnonzero(fires):
            row = int(candidates[k])
            strong = mean[k] < cfg.decline_ratio * level[k] / 2 and m != "first_meetings"
            n = cfg.recent_weeks
            yield Finding(
                row,
                m,
                f"{series(m, values[row])} in the last {n} weeks (average {fmt(m, mean[k])}) "
                f"vs usual level {fmt(m, level[k])}",
                2 if strong else 1,
                facts=(
                    Fact(
                        m,
                        tuple(values[row]),
                        (f"average {fmt(m, mean[k])} over the last {n} weeks", usual(m, level[k])),
                    ),
                ),
            )


def slopes(values: np.ndarray) -> np.ndarray:
    """Least-squares slope per step of each row, an evenly spaced series."""
    x = np.arange(values.shape[1]) - (values.shape[1] - 1) / 2
    return values @ x / np.dot(x, x)


@rule("negative_trend", primary=False)
def negative_trend(b: Batch) -> Iterator[Finding]:
    """A steady downward slope over the last weeks of leading activity (all of them sliding)."""
    cfg = b.cfg
    candidates = np.arange(b.reps.size)
    for m in LEADING_DECLINE_METRICS:
        base, values = b.baseline(m)[candidates], b.recent(m, cfg.slope_weeks)[candidates]
        keep = (base > 0) & (b.count(m)[candidates] >= cfg.slope_weeks) & ~np.isnan(values).any(axis=1)
        candidates = candidates[keep]
    per_week = np.column_stack(
        [
            slopes(b.recent(m, cfg.slope_weeks)[candidates]) / b.baseline(m)[candidates]
            for m in LEADING_DECLINE_METRICS
        ]
    )
    for k in np.flatnonzero(per_week.max(axis=1, initial=-np.inf) <= cfg.slope_per_week):
        evidence = ", ".join(
            f"{label(m)} {p:+.0%}" for m, p in zip(LEADING_DECLINE_METRICS, per_week[k], strict=True)
        )
        yield Finding(
            int(candidates[k]),
            "prospecting_minutes",
            f"over the last {cfg.slope_weeks} weeks every leading activity trends down "
            f"(per week, as a share of the usual level): {evidence}",
        )


@rule("leading_drop_results_fine", primary=False)
def leading_drop_results_fine(b: Batch) -> Iterator[Finding]:
    """Leading indicators slide while wins still look normal: the moment to step in early."""
    cfg = b.cfg
    dropped: dict[int, list[str]] = {}
    for found in below_baseline.run(b):
        dropped.setdefault(found.row, []).append(found.metric)
    candidates = np.array([row for row, names in dropped.items() if len(names) >= 2], dtype=int)
    history = np.hstack([run[candidates] for run in baseline_runs(b.series("wins"), cfg)])
    known = ~np.isnan(history)
    n = known.sum(axis=1)
    wins = b.recent("wins", 8)[candidates]
    keep = (n >= cfg.min_baseline_weeks) & (b.count("wins")[candidates] >= 8)
    usual = np.where(known, history, 0.0).sum(axis=1) / np.maximum(n, 1)
    per_week = nanmean_rows(wins)
    fires = keep & ~(usual <= 0) & ~(per_week < cfg.results_fine_ratio * usual)
    for k in np.flatnonzero(fires):
        row = int(candidates[k])
        yield Finding(
            row,
            dropped[row][0],
            f"{' and '.join(label(m) for m in dropped[row])} are down while wins still look normal "
            f"({per_week[k]:.1f}/week over 8 weeks vs own average {usual[k]:.1f}): results usually follow "
            "a few weeks later, so this is a good moment to help",
        )


@rule("monday_call_avoidance", primary=True)
def monday_call_avoidance(b: Batch) -> Iterator[Finding]:
    """Mondays without calls, week after week, from a rep who used to call on Mondays."""
    cfg, m = b.cfg, "monday_call_share"
    base = b.baseline(m)
    candidates = np.flatnonzero((base >= cfg.monday_baseline_min) & (b.count("calls") >= cfg.recent_weeks))
    values, calls = b.recent(m)[candidates], b.recent("calls")[candidates]
    total = calls.sum(axis=1)
    keep = ~(total < cfg.monday_min_calls)
    candidates, values, calls, total = candidates[keep], values[keep], calls[keep], total[keep]
    pooled = np.nansum(values * calls, axis=1) / total  # NaN share (no calls) adds nothing
    for k in np.flatnonzero(~(pooled > cfg.monday_share_max)):
        row = int(candidates[k])
        yield Finding(
            row,
            m,
            f"Monday share of calls {series(m, values[k])} in the last {cfg.recent_weeks} weeks "
            f"({fmt(m, pooled[k])} of {count(total[k], 'call')}) vs usual level {fmt(m, base[row])}: "
            "Monday is a good day to reach buyers",
            2,
        )
