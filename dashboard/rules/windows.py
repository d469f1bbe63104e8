"""The rep's usual level: one definition of the baseline windows, for the rules and the rep page.

A rep's history is read in the weeks that count (not time off, not a team-wide
dip, not before their first data; for activity metrics, not a logging gap),
newest last. The recent window is the last `recent_weeks` of them; the baseline
is the run of `baseline_weeks` before it and the run before that, each used
when it holds at least `min_baseline_weeks` values. The usual level is the
higher of their medians, so that a slide lasting months does not become the new
normal; the usual swing is the mean absolute deviation of each run around its
own median, pooled, scaled to a standard deviation.

Works on many histories at once: rows are reps (or one rep as of each week),
columns weeks, right-aligned so that column -1 is each row's latest week that
counts and the columns before its first are NaN.
"""

from __future__ import annotations

import numpy as np

from dashboard.metrics import BY_NAME
from dashboard.rules.config import SD_PER_MEAN_DEVIATION, Thresholds


def median(values: np.ndarray) -> float:
    """Median of a small 1-D array without NaN (np.median's overhead dominates at this size)."""
    ordered = np.sort(values)
    n = ordered.size
    return float(ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def right_align(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the column indexes of its True cells right-aligned (-1 before them), and their count."""
    width = mask.shape[1]
    count = mask.sum(axis=1)
    order = np.argsort(~mask, axis=1, kind="stable")  # True cells first, in column order
    shift = np.arange(width)[None, :] - (width - count)[:, None]
    index = np.where(shift >= 0, np.take_along_axis(order, np.clip(shift, 0, None), axis=1), -1)
    return index, count


def gather(grid: np.ndarray, index: np.ndarray) -> np.ndarray:
    """`grid[r, index[r, c]]` as floats, NaN where the index is -1."""
    picked = np.take_along_axis(grid, np.clip(index, 0, None), axis=1)
    return np.where(index >= 0, picked, np.nan)


def columns(compact: np.ndarray, before_last: int, weeks: int) -> np.ndarray:
    """The run of `weeks` columns ending `before_last` columns before the end (NaN past the start)."""
    rows, width = compact.shape
    hi = width - before_last
    out = np.full((rows, weeks), np.nan)
    lo = hi - weeks
    if hi > 0:
        part = compact[:, max(lo, 0) : hi]
        out[:, weeks - part.shape[1] :] = part
    return out


def tail(row: np.ndarray, count: int) -> np.ndarray:
    """The last `count` values of a right-aligned row (the weeks the rep has)."""
    return row[row.size - min(count, row.size) :]


def row_medians(block: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Median of each row's `n` values (NaN sort last), as `median` gives it; NaN where n is 0."""
    ordered = np.sort(block, axis=1)
    rows = np.arange(block.shape[0])
    safe = np.maximum(n, 1)
    out = (ordered[rows, (safe - 1) // 2] + ordered[rows, safe // 2]) / 2
    return np.where(n > 0, out, np.nan)


def nanmean_rows(values: np.ndarray) -> np.ndarray:
    """Mean of each row's values that are not NaN (NaN for a row without any), as np.nanmean sums."""
    known = ~np.isnan(values)
    n = known.sum(axis=1)
    total = np.where(known, values, 0.0).sum(axis=1)
    return np.where(n > 0, total / np.maximum(n, 1), np.nan)


def baseline_runs(compact: np.ndarray, cfg: Thresholds, recent: int | None = None) -> list[np.ndarray]:
    """The two runs of `baseline_weeks` before the recent window (`recent` weeks, default `recent_weeks`)."""
    recent = cfg.recent_weeks if recent is None else recent
    return [columns(compact, recent + b * cfg.baseline_weeks, cfg.baseline_weeks) for b in (0, 1)]


def runs_level(compact: np.ndarray, cfg: Thresholds) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the higher median of the baseline runs holding enough values, and the mean absolute
    deviation of those runs around their own medians (NaN, NaN: neither run holds enough)."""
    rows = compact.shape[0]
    usual = np.full(rows, np.nan)
    total, count = np.zeros(rows), np.zeros(rows, dtype=int)
    for block in baseline_runs(compact, cfg):
        known = ~np.isnan(block)
        n = known.sum(axis=1)
        enough = n >= cfg.min_baseline_weeks
        mid = np.where(enough, row_medians(block, n), np.nan)
        usual = np.fmax(usual, mid)
        deviation = np.where(known & enough[:, None], np.abs(block - mid[:, None]), 0.0)
        total += deviation.sum(axis=1)
        count += np.where(enough, n, 0)
    spread = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    return usual, spread


def usual_level(compact: np.ndarray, metric: str, cfg: Thresholds) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the usual level of `metric` and the usual weekly swing around it (NaN: no level yet).

    The swing is at least `min_relative_spread` of the level and, for counts, at
    least the square root of the level (what chance alone gives).
    """
    usual, deviation = runs_level(compact, cfg)
    spread = np.maximum(SD_PER_MEAN_DEVIATION * deviation, cfg.min_relative_spread * np.abs(usual))
    if metric in BY_NAME and BY_NAME[metric].unit == "count":
        spread = np.maximum(spread, np.sqrt(np.maximum(usual, 1.0)))
    known = ~np.isnan(usual) & (spread > 0)
    return np.where(known, usual, np.nan), np.where(known, spread, np.nan)


def usual_level_by_week(values: np.ndarray, counts: np.ndarray, metric: str, cfg: Thresholds) -> np.ndarray:
    """One rep's usual level of `metric` as the rules read it in each week (NaN: too little history).

    `values` and `counts` (bool: the week counts) are the rep's weeks in order; the
    level of week t is read from the weeks up to t, the recent window ending at t.
    """
    width = values.size
    upto = np.tri(width, dtype=bool) & counts.astype(bool)[None, :]
    index, _ = right_align(upto)
    compact = gather(np.broadcast_to(values.astype(float), (width, width)), index)
    return usual_level(compact, metric, cfg)[0]
