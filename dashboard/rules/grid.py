"""From the weekly frames to a rep × week `Batch`, with the weeks that are not evidence masked out.

Suppression before any rule runs: weeks of recorded time off and team-wide dips
(most of a team below their own level the same week, e.g. a holiday) are left
out of both the recent window and the baseline; a week with almost nothing
logged is left out of the activity metrics (time off or a logging gap, not
evidence of a slump); weeks before a rep's first data are not history, and for
the activity metrics neither are the weeks before their first activity logged.
"""

from __future__ import annotations

import datetime as dt

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


def _factorize(column: pd.Series, rows: np.ndarray | slice) -> tuple[np.ndarray, np.ndarray]:
    """Codes and sorted distinct values of `column` in `rows` (strings stay in their own array type)."""
    codes, found = pd.factorize(column, sort=True)
    codes = codes[rows]
    used = np.unique(codes)
    return np.searchsorted(used, codes), np.asarray(found, dtype=object)[used]


def build_batch(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None = None,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
    until: dt.date | None = None,
) -> Batch:
    """Every rep's history with suppression masks, from the wide metrics and tidy targets frames.

    `time_off`: rows of (rep, date_from, date_to); weeks overlapping them are left out.
    `until`: only the weeks up to this one (the week under review).
    """
    codes, found = pd.factorize(metrics["week"], sort=True)
    week_index = pd.DatetimeIndex(pd.to_datetime(found))
    rows = slice(None)
    if until is not None:
        last = int(week_index.searchsorted(pd.Timestamp(until), side="right"))
        rows, week_index = codes < last, week_index[:last]
    week_codes = codes[rows]
    rep_codes, reps = _factorize(metrics["rep"], rows)
    shape = (len(reps), len(week_index))
    present = np.zeros(shape, dtype=bool)
    present[rep_codes, week_codes] = True

    def grid(column: pd.Series) -> np.ndarray:
        out = np.full(shape, np.nan)
        out[rep_codes, week_codes] = column.to_numpy(dtype=float, na_value=np.nan)[rows]
        return out

    metric_columns = [c for c in metrics.columns if c in BY_NAME]
    values = {m: grid(metrics[m]) for m in metric_columns}
    teams = np.full(shape, "", dtype=object)
    team_codes, team_names = pd.factorize(metrics["team"].fillna(""))
    teams[rep_codes, week_codes] = np.asarray(team_names, dtype=object)[team_codes[rows]]

    # Weeks before a rep's first data are not history.
    # (a frame without these columns, such as one rep's chart of a few metrics: every week logged)
    activity = values.get("activities_logged", np.where(present, np.inf, np.nan))
    created = values.get("opportunities_created", np.zeros(shape))
    any_data = (np.nan_to_num(activity) > 0) | (np.nan_to_num(created) > 0)
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
    # Activity metrics start at the rep's first week with activity logged: weeks before it exist only
    # because a deal was created then (the activity exports do not cover them yet), so they are no
    # history of calls or meetings (not zeros in the usual level).
    started = np.maximum.accumulate((np.nan_to_num(activity) > 0) & present, axis=1)
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

    target_grids = (
        _target_grids(targets, reps, week_index) if targets is not None and not targets.empty else {}
    )

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
        started,
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


def _target_grids(
    targets: pd.DataFrame, reps: pd.Index, week_index: pd.DatetimeIndex
) -> dict[str, np.ndarray]:
    """Per metric, the rep × week grid of weekly expectations (the first row of a rep, week and metric)."""
    shape = (len(reps), len(week_index))
    rep_codes, rep_names = pd.factorize(targets["rep"])
    r = pd.Index(reps).get_indexer(np.asarray(rep_names, dtype=object))[rep_codes]
    week_codes, weeks = pd.factorize(targets["week"])
    w = week_index.get_indexer(pd.to_datetime(weeks))[week_codes]
    metric_codes, names = pd.factorize(targets["metric"])
    value = targets["target"].to_numpy(dtype=float, na_value=np.nan)
    known = np.flatnonzero((r >= 0) & (w >= 0))
    key = (r[known] * shape[1] + w[known]) * max(len(names), 1) + metric_codes[known]
    first = known[np.unique(key, return_index=True)[1]]
    grids = {}
    for k, name in sorted(enumerate(names), key=lambda pair: str(pair[1])):
        pick = first[metric_codes[first] == k]
        out = np.full(shape, np.nan)
        out[r[pick], w[pick]] = value[pick]
        grids[str(name)] = out
    return grids


def usual_levels(
    metrics: pd.DataFrame, time_off: pd.DataFrame | None = None, cfg: Thresholds = DEFAULT
) -> pd.DataFrame:
    """Rows of (rep, week, metric, usual): each rep's usual level of each metric as the rules read it in
    that week (NaN: too little history), over the same weeks that count for the flags.

    Team-wide dips are left out only as far as `metrics` holds the rep's team.
    """
    batch = build_batch(metrics, None, time_off, cfg)
    parts = []
    for metric in batch.values:
        levels = batch.usual_by_week(metric)
        parts.append(
            pd.DataFrame(
                {
                    "rep": np.repeat(batch.reps, batch.weeks.size),
                    "week": np.tile(batch.weeks, batch.reps.size),
                    "metric": metric,
                    "usual": levels.ravel(),
                }
            )
        )
    return (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["rep", "week", "metric", "usual"])
    )
