"""Each rep's own rhythm of leading activity, and whether their recent weeks slid out of it.

Prospecting, calls and first meetings are read on the log scale (so "30% under"
means the same for a rep who logs 10 calls as for one who logs 60; a quarter of
the usual level is added first, so an empty week stays a finite number), each
against the rep's own level and week-to-week spread (never below what chance
alone gives a count) in the half year before the last 6 weeks, and averaged into
one weekly activity index. The level is the mean of that half year, unless its
older quarter ran clearly higher than the newer one (a slide already under way:
then the older quarter alone, so that a slide lasting longer than 6 weeks does
not become the new usual). From that history the rep's rhythm is estimated:
how far the index swings in a week (its standard deviation) and how much a cold
week tends to be followed by another (its lag-1 persistence, corrected for the
bias a short series gives it), both shrunk towards a typical rep's
(`Thresholds.rhythm_*_prior`) when the history is short. A streaky rep's runs
of cold weeks are then expected: the index is read as a drift that persists
from week to week (`rhythm_drift_persistence`) plus weekly noise, and the
average of k such weeks varies far more than k independent ones, as does the
rep's own usual level, read from a few months of them (`mean_variance`). A
slide counts when the average of the last 4 or 6 weeks sits further under the
usual level than that rhythm allows (`slide_z`), far enough in plain terms too
(the window's totals as a share of usual, `share_of_usual`, under by 3 of the
rep's usual weekly ranges, a fifth to a half: `slide_swings`, `slide_ratio`,
`slide_ratio_least`), with at least two of the metrics down on their own
(`slide_agree`: each metric's average over the window under its usual level by
`slide_metric_z` of that average's own expected swing, so a rep whose weeks
swing widely but do not persist is judged on their average, as the slide is).

Every number is per rep (row), from that rep's own history only, so all reps at
once give the same answer as each rep alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.metrics import BY_NAME
from dashboard.rules.config import LEADING_DECLINE_METRICS, Thresholds
from dashboard.rules.windows import columns, nanmean_rows


@dataclass(frozen=True)
class Rhythm:
    """Leading activity as one weekly index per rep, with the rep's own swing and persistence."""

    included: np.ndarray  # rep × LEADING_DECLINE_METRICS: the metric has a usual level worth reading
    index: np.ndarray  # rep × week (right-aligned): mean standardized log activity, 0 = the rep's usual
    log_ratio: np.ndarray  # rep × week: mean log of activity ÷ usual over the included metrics
    sd: np.ndarray  # rep: weekly standard deviation of the index (shrunk)
    persistence: np.ndarray  # rep: lag-1 autocorrelation of the index (shrunk, 0 to `rhythm_max_persistence`)
    history: np.ndarray  # rep: weeks of history read
    swing: np.ndarray  # rep: weekly standard deviation of `log_ratio` in that history (the usual range)
    known: np.ndarray  # rep: two metrics or more and enough history
    each: np.ndarray  # metric × rep × week: each metric's own standardized log activity (NaN: not read)
    relative: np.ndarray  # metric × rep × week: each metric's weekly value ÷ its mean over the history read


def window_variance(k: np.ndarray | int, persistence: np.ndarray) -> np.ndarray:
    """Variance of the mean of k consecutive weeks of an AR(1) series of unit variance."""
    k = np.asarray(k, dtype=float)
    rho = np.clip(persistence, 0.0, 0.99)
    # (1/k²) · (k + 2 Σ_{j<k} (k − j) ρ^j), in closed form
    total = k * (1 + rho) / (1 - rho) - 2 * rho * (1 - rho**k) / (1 - rho) ** 2
    return np.where(k > 0, total / np.maximum(k, 1) ** 2, np.nan)


def pooled_spread(
    pearson: np.ndarray, kept: np.ndarray, pairs: np.ndarray, persistence_prior: float, cfg: Thresholds
) -> tuple[np.ndarray, np.ndarray]:
    """Per rep, how much more than chance a pooled count's weeks vary (dispersion, at least 1) and how
    much they persist from week to week (lag-1 correlation shrunk towards `persistence_prior`, 0 to
    `rhythm_max_persistence`), from the weeks' Pearson residuals; `pairs` marks the consecutive weeks."""
    dispersion = np.maximum((pearson**2).sum(axis=1) / np.maximum(kept.sum(axis=1), 1), 1.0)
    lagged = np.where(pairs, pearson[:, 1:] * pearson[:, :-1], 0.0).sum(axis=1)
    squares = np.maximum((pearson**2).sum(axis=1), 1e-9)
    weight = pairs.sum(axis=1)
    persistence = np.clip(
        (weight * lagged / squares + cfg.rhythm_prior_weeks * persistence_prior)
        / (weight + cfg.rhythm_prior_weeks),
        0.0,
        cfg.rhythm_max_persistence,
    )
    return dispersion, persistence


def mean_variance(k: np.ndarray | int, persistence: np.ndarray, drift: float) -> np.ndarray:
    """Variance of the mean of k consecutive weeks of an index of unit variance whose lag-1
    persistence is `persistence`: a drift that persists `drift` from week to week (its share of the
    variance: persistence ÷ drift) plus independent weekly noise. Runs of cold weeks then last longer
    than a lag-1 reading alone suggests. `drift` 0: an AR(1) of that persistence."""
    rho = np.clip(persistence, 0.0, 0.99)
    phi = np.maximum(rho, drift)
    share = np.where(phi > 0, rho / np.where(phi > 0, phi, 1.0), 0.0)
    k = np.asarray(k, dtype=float)
    return share * window_variance(k, phi) + (1 - share) / np.maximum(k, 1)


def _row_stats(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row of a right-aligned block: count, mean and standard deviation (ddof 1) of its values."""
    known = ~np.isnan(block)
    n = known.sum(axis=1)
    mean = np.where(known, block, 0.0).sum(axis=1) / np.maximum(n, 1)
    squares = np.where(known, (block - mean[:, None]) ** 2, 0.0).sum(axis=1)
    sd = np.sqrt(squares / np.maximum(n - 1, 1))
    return n, np.where(n > 0, mean, np.nan), np.where(n > 1, sd, np.nan)


def read_rhythm(series: dict[str, np.ndarray], usual: dict[str, np.ndarray], cfg: Thresholds) -> Rhythm:
    """The rhythm of every rep from their right-aligned weekly series of the leading metrics.

    `usual`: each metric's usual level (`windows.usual_level`), which decides whether the metric is
    busy enough to read.
    """
    rows, width = next(iter(series.values())).shape
    names = [m for m in LEADING_DECLINE_METRICS if m in series]
    included = np.zeros((rows, len(LEADING_DECLINE_METRICS)), dtype=bool)
    logged = {}
    for m in names:
        offset = cfg.log_offset * np.where(np.isnan(usual[m]), 0.0, usual[m])
        logged[m] = np.log(series[m] + np.maximum(offset, 1e-9)[:, None])
        n = _row_stats(np.hstack(_half_blocks(logged[m], cfg)))[0]
        included[:, LEADING_DECLINE_METRICS.index(m)] = (usual[m] >= cfg.min_baseline.get(m, 0.0)) & (
            n >= cfg.index_min_weeks
        )
    older = _slid_before(logged, names, included, cfg)
    z = np.full((len(names), rows, width), np.nan)
    ratio = np.full((len(names), rows, width), np.nan)
    relative = np.full((len(names), rows, width), np.nan)
    for k, m in enumerate(names):
        mean = _history(series[m], older, cfg)[1]
        n, level, sd = _history(logged[m], older, cfg)
        sd = np.maximum(sd, _least_log_sd(m, usual[m], cfg))
        deviation = logged[m] - level[:, None]
        inc = included[:, LEADING_DECLINE_METRICS.index(m), None]
        z[k] = np.where(inc, np.clip(deviation / sd[:, None], -cfg.z_clip, cfg.z_clip), np.nan)
        ratio[k] = np.where(inc, deviation, np.nan)
        relative[k] = np.where(
            inc & (mean[:, None] > 0), series[m] / np.where(mean > 0, mean, 1.0)[:, None], np.nan
        )
    index, log_ratio = _mean_over_metrics(z), _mean_over_metrics(ratio)
    n, _, sd = _history(index, older, cfg)
    swing = _history(log_ratio, older, cfg)[2]
    persistence = _persistence(index, older, cfg)
    variance = (
        np.maximum(n - 2, 0) * np.nan_to_num(sd) ** 2 + cfg.rhythm_prior_weeks * cfg.rhythm_sd_prior**2
    ) / (np.maximum(n - 2, 0) + cfg.rhythm_prior_weeks)
    known = (included.sum(axis=1) >= 2) & (n >= cfg.index_min_weeks)
    return Rhythm(included, index, log_ratio, np.sqrt(variance), persistence, n, swing, known, z, relative)


def _half_blocks(grid: np.ndarray, cfg: Thresholds) -> list[np.ndarray]:
    """The two halves of the history read (oldest first in each): the half year before the last weeks."""
    half = cfg.rhythm_history // 2
    return [columns(grid, cfg.slide_weeks_max + b * half, half) for b in (0, 1)]


def _slid_before(
    logged: dict[str, np.ndarray], names: list[str], included: np.ndarray, cfg: Thresholds
) -> np.ndarray:
    """Per rep: the history's older quarter ran clearly above its newer one (a slide already under way
    before the last weeks), so the older quarter alone is the usual level (the slide does not become
    the new usual). Otherwise the whole half year is."""
    gap, count = np.zeros(included.shape[0]), np.zeros(included.shape[0])
    for m in names:
        newer, older = (_row_stats(block) for block in _half_blocks(logged[m], cfg))
        both = (newer[0] >= cfg.min_baseline_weeks) & (older[0] >= cfg.min_baseline_weeks)
        use = included[:, LEADING_DECLINE_METRICS.index(m)] & both
        gap += np.where(use, older[1] - newer[1], 0.0)
        count += use
    return (count > 0) & (gap / np.maximum(count, 1) >= -np.log(cfg.slide_ratio))


def _history(
    grid: np.ndarray, older: np.ndarray, cfg: Thresholds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: weeks, mean and weekly standard deviation of the history read (the older quarter alone
    where `older`, else the whole half year)."""
    newer_block, older_block = _half_blocks(grid, cfg)
    whole = _row_stats(np.hstack([older_block, newer_block]))
    alone = _row_stats(older_block)
    return tuple(np.where(older, a, w) for a, w in zip(alone, whole, strict=True))  # type: ignore[return-value]


def _persistence(index: np.ndarray, older: np.ndarray, cfg: Thresholds) -> np.ndarray:
    """Lag-1 autocorrelation of the index over the history read (around its own mean), corrected for the
    downward bias a short series gives it, then shrunk to the prior."""
    newer_block, older_block = _half_blocks(index, cfg)
    block = np.where(older[:, None], np.hstack([np.full_like(newer_block, np.nan), older_block]),
                     np.hstack([older_block, newer_block]))  # fmt: skip
    centred = block - _row_stats(block)[1][:, None]
    pairs = ~np.isnan(centred[:, 1:]) & ~np.isnan(centred[:, :-1])
    lagged = np.where(pairs, centred[:, 1:] * centred[:, :-1], 0.0).sum(axis=1)
    squares = np.where(~np.isnan(centred), centred**2, 0.0).sum(axis=1)
    weight = pairs.sum(axis=1)
    varies = squares > 1e-9  # a history without any swing has no persistence to read
    raw = np.where(varies, lagged / np.where(varies, squares, 1.0), 0.0)
    raw = raw + (1 + 3 * raw) / np.maximum(weight, 1)  # the usual small-sample bias of a lag-1 correlation
    shrunk = (weight * raw + cfg.rhythm_prior_weeks * cfg.rhythm_persistence_prior) / (
        weight + cfg.rhythm_prior_weeks
    )
    return np.clip(shrunk, 0.0, cfg.rhythm_max_persistence)


def _least_log_sd(metric: str, usual: np.ndarray, cfg: Thresholds) -> np.ndarray:
    """The least weekly swing of a metric on the log scale: `min_relative_spread`, and for counts what
    chance alone gives (a Poisson count's standard deviation, on the log scale with the offset)."""
    least = np.full(usual.shape, cfg.min_relative_spread)
    if metric in BY_NAME and BY_NAME[metric].unit == "count":
        level = np.maximum(np.nan_to_num(usual), 1.0)
        least = np.maximum(least, np.sqrt(level) / (level * (1 + cfg.log_offset)))
    return least


def _mean_over_metrics(stack: np.ndarray) -> np.ndarray:
    known = ~np.isnan(stack)
    n = known.sum(axis=0)
    return np.where(n > 0, np.where(known, stack, 0.0).sum(axis=0) / np.maximum(n, 1), np.nan)


def share_of_usual(r: Rhythm, weeks: np.ndarray | int) -> np.ndarray:
    """Per rep, leading activity of the last `weeks` as a share of usual: each metric's total over those
    weeks against its usual total (the history's weekly mean times the weeks), averaged over the metrics
    read. Plain arithmetic on totals, so a metric counted in ones and twos does not swing it."""
    weeks = np.broadcast_to(np.asarray(weeks), r.index.shape[:1])
    longest = int(weeks.max(initial=1))
    inside = np.arange(longest)[None, :] >= longest - weeks[:, None]
    shares = np.vstack(
        [nanmean_rows(np.where(inside, columns(each, 0, longest), np.nan)) for each in r.relative]
    )
    known = ~np.isnan(shares)
    count = known.sum(axis=0)
    return np.where(count > 0, np.where(known, shares, 0.0).sum(axis=0) / np.maximum(count, 1), np.nan)


@dataclass(frozen=True)
class Slide:
    """The strongest slide of each rep over the windows read: its length, size and surprise."""

    weeks: np.ndarray  # rep: weeks in the window (0: none read)
    ratio: np.ndarray  # rep: activity in the window as a share of usual (`share_of_usual`)
    z: np.ndarray  # rep: the window's average in the rep's own rhythm (how unusual)
    fires: np.ndarray  # rep: a slide


def slide(r: Rhythm, cfg: Thresholds) -> Slide:
    """Per rep, the window (`slide_windows` weeks) whose average sits furthest under usual in the rep's own
    rhythm, and whether it counts as a slide: far enough in the rep's rhythm and in plain terms, the latest
    week still clearly under usual, and at least `slide_agree` of the metrics down on their own (not one
    metric's dip carrying the index)."""
    rows = r.index.shape[0]
    best = Slide(
        np.zeros(rows, dtype=int), np.full(rows, np.nan), np.full(rows, np.inf), np.zeros(rows, bool)
    )
    for k in cfg.slide_windows:
        found = judge_window(r, np.full(rows, k), cfg)
        better = found.z < best.z
        best = Slide(
            *(np.where(better, getattr(found, f), getattr(best, f)) for f in ("weeks", "ratio", "z", "fires"))
        )
    return Slide(best.weeks, best.ratio, best.z, best.fires & (best.z <= -cfg.slide_z))


def most_share(r: Rhythm, cfg: Thresholds) -> np.ndarray:
    """Per rep, the most activity (share of usual) a slide may keep: under usual by `slide_swings` of the
    rep's usual weekly range, at least `1 - slide_ratio` and at most `1 - slide_ratio_least` under."""
    usual_range = np.expm1(np.nan_to_num(r.swing))
    return np.clip(1 - cfg.slide_swings * usual_range, cfg.slide_ratio_least, cfg.slide_ratio)


def judge_window(r: Rhythm, weeks: np.ndarray, cfg: Thresholds) -> Slide:
    """Per rep, the last `weeks` (per rep) against usual: the average's surprise in the rep's rhythm, its
    size in plain terms, and whether every test but the surprise's limit passes (the share of usual, the
    latest week, the metrics agreeing)."""
    longest = int(weeks.max(initial=1))
    inside = np.arange(longest)[None, :] >= longest - weeks[:, None]

    def mean(grid: np.ndarray) -> np.ndarray:
        return nanmean_rows(np.where(inside, columns(grid, 0, longest), np.nan))

    drift = cfg.rhythm_drift_persistence
    spread = mean_variance(weeks, r.persistence, drift) + mean_variance(
        np.maximum(r.history, 1), r.persistence, drift
    )
    z = np.where(r.known, mean(r.index) / (r.sd * np.sqrt(spread)), np.nan)
    ratio = share_of_usual(r, weeks)
    # each metric down on its own: its window's average under usual by `slide_metric_z` of how far that
    # average usually swings (a week's swing, narrowed by the weeks averaged as far as they do not persist)
    bar = -cfg.slide_metric_z * np.sqrt(mean_variance(weeks, r.persistence, drift))
    agree = sum((mean(each) <= bar).astype(int) for each in r.each)
    last = columns(r.index, 0, 1)[:, 0]
    passes = (
        r.known & (ratio <= most_share(r, cfg)) & (last <= -cfg.slide_last_z) & (agree >= cfg.slide_agree)
    )
    return Slide(weeks, ratio, z, passes)
