"""From the weekly frames to a rep × week `Batch`, with the weeks that are not evidence masked out.

Suppression before any rule runs: weeks of recorded time off and team-wide dips
(most of a team below their own level the same week, e.g. a holiday) are left
out of both the recent window and the baseline; a week with almost nothing
logged is left out of the activity metrics (time off or a logging gap, not
evidence of a slump); weeks before a rep's first data are not history.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.metrics import BY_NAME
from dashboard.rules import windows
from dashboard.rules.batch import Batch, RepView
from dashboard.rules.config import DEFAULT, Thresholds


def _prior_median(values: np.ndarray, usable: np.ndarray, weeks: int, min_weeks: int) -> np.ndarray:
    """Per rep (row) and week (column), the median of the previous `weeks` usable values (NaN: too few)."""
    prior = np.where(usable, values, np.nan)
    padded = np.concatenate([np.full((prior.shape[0], weeks), np.nan), prior[:, :-1]], axis=1)
    runs = np.lib.stride_tricks.sliding_window_view(padded, weeks, axis=1).reshape(-1, weeks)
    n = (~np.isnan(runs)).sum(axis=1)
    medians = np.where(n >= min_weeks, windows.row_medians(runs, n), np.nan)
    return medians.reshape(prior.shape)


def build_batch(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None = None,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> Batch:
    """Every rep's history with suppression masks, from the wide metrics and tidy targets frames.

    `time_off`: rows of (rep, date_from, date_to); weeks overlapping them are left out.
    """
    weeks_all = pd.to_datetime(metrics["week"])
    rep_codes, reps = pd.factorize(metrics["rep"], sort=True)
    week_codes, week_index = pd.factorize(weeks_all, sort=True)
    shape = (len(reps), len(week_index))
    present = np.zeros(shape, dtype=bool)
    present[rep_codes, week_codes] = True

    def grid(column: pd.Series) -> np.ndarray:
        out = np.full(shape, np.nan)
        out[rep_codes, week_codes] = column.to_numpy(dtype=float, na_value=np.nan)
        return out

    metric_columns = [c for c in metrics.columns if c in BY_NAME]
    values = {m: grid(metrics[m]) for m in metric_columns}
    teams = np.full(shape, "", dtype=object)
    teams[rep_codes, week_codes] = metrics["team"].fillna("").to_numpy(dtype=object)

    # Weeks before a rep's first data are not history.
    activity = values["activities_logged"]
    any_data = (np.nan_to_num(activity) > 0) | (np.nan_to_num(values["opportunities_created"]) > 0)
    usable = np.maximum.accumulate(any_data & present, axis=1) & present
    starts = week_index.to_numpy()
    if time_off is not None and not time_off.empty:
        rep_position = {rep: i for i, rep in enumerate(reps)}
        for row in time_off.itertuples(index=False):
            if row.rep not in rep_position:
                continue
            start, end = np.datetime64(pd.Timestamp(row.date_from)), np.datetime64(pd.Timestamp(row.date_to))
            hit = (starts <= end) & (starts + np.timedelta64(6, "D") >= start)
            usable[rep_position[row.rep]] &= ~hit
    usual_logging = _prior_median(activity, usable, 12, 3)
    with np.errstate(invalid="ignore"):
        logged = ~(activity < cfg.gap_ratio * usual_logging)
        low = activity < cfg.decline_ratio * usual_logging
    # Team-wide dips: most of a team far below their own level the same week.
    known = ~np.isnan(usual_logging) & present
    for team in np.unique(teams[present]):
        members = (teams == team) & present
        size, known_n = members.sum(axis=0), (members & known).sum(axis=0)
        low_n = (members & low & known).sum(axis=0)
        dip = (
            (size >= cfg.team_dip_min_reps)
            & (known_n > 0)
            & (low_n >= cfg.team_dip_share * np.maximum(known_n, 1))
        )
        usable &= ~(members & dip[None, :])

    target_grids: dict[str, np.ndarray] = {}
    if targets is not None and not targets.empty:
        tidy = targets.assign(week=pd.to_datetime(targets["week"])).drop_duplicates(
            ["rep", "week", "metric"], keep="first"
        )
        tidy = tidy.assign(
            _r=pd.Index(reps).get_indexer(tidy["rep"]), _w=week_index.get_indexer(tidy["week"])
        )
        for name, part in tidy[(tidy["_r"] >= 0) & (tidy["_w"] >= 0)].groupby("metric", sort=True):
            out = np.full(shape, np.nan)
            out[part["_r"].to_numpy(), part["_w"].to_numpy()] = part["target"].to_numpy(
                dtype=float, na_value=np.nan
            )
            target_grids[str(name)] = out

    dates = np.array([d.date() for d in week_index], dtype=object)
    return Batch(
        np.array([str(r) for r in reps], dtype=object),
        dates,
        teams,
        present,
        values,
        target_grids,
        usable & present,
        logged,
        cfg,
    )


def build_views(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None = None,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> list[RepView]:
    """One history per rep (over the weeks the rep has rows), as `build_batch` reads them."""
    batch = build_batch(metrics, targets, time_off, cfg)
    return [batch.view(i) for i in range(batch.reps.size)]
