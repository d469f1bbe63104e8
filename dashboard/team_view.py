"""The team page's table: each rep's key metrics this week against the expectation.

Attainment is read, never ranked: "✓ met", "◐ near" (within 10 % of the
expectation) or "○ below", always as a word and a symbol, not colour alone.
A weekly target is compared with the week's value; a month, quarter or year
count (two opportunities over $100k a year) with its pace: the total so far
against where an even pace would be by now, in whole counts (`targets.countable`),
over the weeks from the rep's first week with data. For a metric under its
expectation the table says since which week it has been so; no week before the
rep's first week with data is judged (exports that start later, a new hire).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import pandas as pd

from dashboard import db, metrics, scorecard, targets, trend
from dashboard.access import teams_param
from dashboard.metrics import BY_NAME, monday, per_metric

KEY_METRICS: tuple[str, ...] = (
    "prospecting_minutes",
    "calls",
    "first_meetings",
    "opportunities_created",
    "opportunities_over_100k",
    "pipeline_coverage",
    "win_rate",
)
NEAR_SHARE = 0.9  # within 10 % of the expectation counts as near
TREND_WEEKS = 8
LOOKBACK_WEEKS = 26  # how far back "below since" looks
NO_QUOTA_CELL = "– · no won-revenue quota set yet"  # pipeline coverage without one (targets.without_quota)
STATUS_TEXT = {"met": "✓ met", "near": "◐ near", "below": "○ below", "off": "on recorded time off"}


def status(value: float | None, target: float | None, higher_is_better: bool = True) -> str | None:
    """'met', 'near' or 'below' the target; None where there is no target or no value."""
    if value is None or target is None or pd.isna(value) or pd.isna(target):
        return None
    if higher_is_better:
        if value >= target:
            return "met"
        return "near" if value >= NEAR_SHARE * target else "below"
    if value <= target:
        return "met"
    return "near" if value <= target / NEAR_SHARE else "below"


def statuses(values: pd.Series, goals: pd.Series, higher_is_better: pd.Series) -> np.ndarray:
    """`status` of each row at once (None where there is no target or no value)."""
    value = values.to_numpy(dtype=float, na_value=np.nan)
    target = goals.to_numpy(dtype=float, na_value=np.nan)
    higher = higher_is_better.to_numpy(dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        met = np.where(higher, value >= target, value <= target)
        near = np.where(higher, value >= NEAR_SHARE * target, value <= target / NEAR_SHARE)
    unknown = np.isnan(value) | np.isnan(target)
    return np.select([unknown, met, near], [None, "met", "near"], default="below").astype(object)


def _period_position(week: dt.date, period: str) -> tuple[dt.date, int]:
    """(first week of the period containing `week`, weeks in it)."""
    start, end = targets.period_bounds(week, period)
    weeks = targets.weeks_in(start, end)
    return weeks[0], len(weeks)


def _codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Each value's position among the column's distinct values sorted (as `sort_values` orders
    them), and those values: rows compared, sorted and looked up as integers."""
    codes, uniques = pd.factorize(column, sort=True)
    return codes, pd.Index(uniques)


def progress(values: pd.DataFrame, goals: pd.DataFrame, names: Sequence[str] = KEY_METRICS) -> pd.DataFrame:
    """Rows of (rep, team, week, metric, value, target, basis): what each week is judged on.

    `values` is wide (`metrics.weekly_metrics`: a row per rep and week), `goals` from
    `targets.weekly_targets` (a row per rep, week and metric). A weekly target: the week's value
    against it (basis 'week'). A period count: the total since the period began against an even
    pace (basis 'month', 'quarter', 'year') over the weeks with a value (none before the rep's first
    week with data), as it can be counted (`targets.countable`: whole opportunities). Rows by rep,
    metric and week.
    """
    names = sorted(names)
    reps, rep_names = _codes(values["rep"])
    weeks, week_days = _codes(values["week"])
    count, rows = len(names), len(values)
    source = np.tile(np.arange(rows), count)  # the long rows as `melt` lays them out, metric by metric
    metric = np.repeat(np.arange(count), rows)
    order = np.lexsort((weeks[source], metric, reps[source]))
    source, metric = source[order], metric[order]
    value = values[names].to_numpy(dtype=float, na_value=np.nan)[source, metric]
    # each row's goal (one per rep, week and metric), found in a grid of all (rep, week, metric)
    shape = (len(rep_names), len(week_days), count)
    where = [metrics.positions(goals["rep"], rep_names), metrics.positions(goals["week"], week_days),
             metrics.positions(goals["metric"], pd.Index(names))]  # fmt: skip
    known = (where[0] >= 0) & (where[1] >= 0) & (where[2] >= 0)
    goal_at = np.full(int(np.prod(shape)), -1, dtype=np.int64)
    goal_at[np.ravel_multi_index(tuple(w[known] for w in where), shape)] = np.flatnonzero(known)
    goal = goal_at[np.ravel_multi_index((reps[source], weeks[source], metric), shape)]
    found = goal >= 0
    taken = np.where(found, goal, 0)

    def of_goal(column: str) -> np.ndarray:
        numbers = goals[column].to_numpy(dtype=float, na_value=np.nan)
        return np.where(found, numbers[taken], np.nan) if len(goals) else np.full(len(goal), np.nan)

    target = of_goal("target")
    period_codes, periods = pd.factorize(goals["period"])
    period_code = np.where(found, np.append(period_codes, -1)[goal], -1)
    period = np.append(np.asarray(periods, dtype=object), None)[period_code]
    additive = np.array([BY_NAME[n].additive for n in names], dtype=bool)[metric]
    paced = additive & np.isin(period_code, np.flatnonzero(np.isin(periods, targets.PERIOD_TARGETS)))
    paced &= np.isnan(target)
    basis = np.where(paced, period, np.where(np.isnan(target), None, "week")).astype(object)
    dates = np.asarray(week_days, dtype=object)
    week_of = dates[weeks[source]]
    if paced.any():
        pairs = list(zip(weeks[source][paced], period_code[paced], strict=True))
        positions = {(w, p): _period_position(dates[w], periods[p]) for w, p in set(pairs)}
        starts, totals = (np.array(p) for p in zip(*(positions[key] for key in pairs), strict=True))
        in_period = week_of[paced] >= starts
        each = [reps[source][paced], metric[paced], pd.factorize(starts)[0]]  # rep, metric and period
        to_date = pd.Series(np.where(in_period, value[paced], 0.0)).groupby(each).cumsum()
        # the even pace counts the weeks with a value: none before the rep's first week with data
        counted = pd.Series(in_period & ~np.isnan(value[paced])).groupby(each).cumsum()
        value[paced] = to_date.to_numpy()
        pace = (of_goal("value") * of_goal("ramp"))[paced] * counted.to_numpy() / totals
        step = np.array([targets.countable_step(n) for n in names])[metric[paced]]
        target[paced] = np.floor(pace / step + 0.5) * step  # as it can be counted (targets.countable)
    return pd.DataFrame(
        {
            "rep": values["rep"].take(source).reset_index(drop=True),
            "team": values["team"].take(source).reset_index(drop=True),
            "week": week_of,
            "metric": pd.Series(names, dtype="str").take(metric).reset_index(drop=True),
            "value": value,
            "target": target,
            "basis": basis,
        }
    )


def on_time_off(rows: pd.DataFrame, time_off: pd.DataFrame | None) -> np.ndarray:
    """Per row of (rep, week), whether the week overlaps the rep's recorded time off (as the rules
    leave such weeks out)."""
    away = np.zeros(len(rows), dtype=bool)
    if time_off is None or time_off.empty or rows.empty:
        return away
    starts = pd.to_datetime(rows["week"]).to_numpy()
    reps = rows["rep"].to_numpy()
    for period in time_off.itertuples(index=False):
        first, last = (
            np.datetime64(pd.Timestamp(period.date_from)),
            np.datetime64(pd.Timestamp(period.date_to)),
        )
        away |= (reps == period.rep) & (starts <= last) & (starts + np.timedelta64(6, "D") >= first)
    return away


def attainment(
    progress_rows: pd.DataFrame, week: dt.date, time_off: pd.DataFrame | None = None
) -> pd.DataFrame:
    """For `week`: per rep and metric the value, target, status and, when under, since which week.

    Columns: rep, team, metric, value, target, basis, status, below_since, weeks_below.
    `below_since` is the first of the consecutive weeks up to `week` that were not met. A week of
    recorded time off (`time_off`: rep, date_from, date_to) is not judged: status 'off'.
    """
    weeks, week_days = _codes(progress_rows["week"])
    kept = np.asarray(week_days <= monday(week), dtype=bool)[weeks]
    frame, weeks = progress_rows[kept], weeks[kept]
    reps, names = _codes(frame["rep"])[0], _codes(frame["metric"])[0]
    order = np.lexsort((weeks, names, reps))  # stable: by rep, metric, then week
    frame = frame.take(order).reset_index(drop=True)
    reps, names, weeks = reps[order], names[order], weeks[order]
    status = statuses(frame["value"], frame["target"], per_metric(frame["metric"], "higher_is_better"))
    status[on_time_off(frame, time_off) & pd.notna(status)] = "off"
    under = np.isin(status, ["near", "below"])
    at = np.arange(len(frame))
    starts = np.ones(len(frame), dtype=bool)  # each rep and metric's first row
    starts[1:] = (reps[1:] != reps[:-1]) | (names[1:] != names[:-1])
    last = np.ones(len(frame), dtype=bool)  # and its last: the latest week
    last[:-1] = starts[1:]
    # a run of weeks under ends at each row; the row before it began: a week not under (a met or
    # unjudged week starts a new run), or the row before the pair's first
    before_run = np.maximum.accumulate(np.where(~under, at, np.where(starts, at - 1, -1)))
    weeks_below = np.where(under, at - before_run, 0)
    since = np.asarray(week_days, dtype=object)[weeks[np.minimum(before_run + 1, at)]]
    current = last & (weeks == week_days.get_indexer([monday(week)])[0])
    rows = frame[current].assign(
        status=status[current],
        below_since=np.where(weeks_below[current] > 0, since[current], None),
        weeks_below=weeks_below[current].astype(np.int64),
    )
    columns = ["rep", "team", "metric", "value", "target", "basis", "status", "below_since", "weeks_below"]
    return rows[columns].reset_index(drop=True)


def describe(row: pd.Series | dict) -> str:
    """One cell of the team table: '1 of 3 · ○ below since 2026-10-05 (7 wks)'."""
    definition = BY_NAME[row["metric"]]
    value = definition.format(row["value"])
    if not isinstance(row["status"], str) or pd.isna(row["target"]):
        return value
    if row["status"] == "off":
        return f"{value} · {STATUS_TEXT['off']}, not judged this week"
    basis = "" if row["basis"] == "week" else f" {row['basis']} to date"
    target = scorecard.target_text(row["metric"], row["target"])
    text = f"{value} of {target}{basis} · {STATUS_TEXT[row['status']]}"
    if row["status"] != "met" and isinstance(row["below_since"], dt.date):
        weeks = int(row["weeks_below"])
        text += f" since {row['below_since']:%Y-%m-%d} ({weeks} wk{'s' if weeks != 1 else ''})"
    return text


def described(rows: pd.DataFrame) -> dict[tuple[str, str], str]:
    """`describe` of each of the `attainment` rows, by (rep, metric)."""
    fields = ["rep", "metric", "value", "target", "basis", "status", "below_since", "weeks_below"]
    records = zip(*(rows[f].tolist() for f in fields), strict=True)
    return {(r[0], r[1]): describe(dict(zip(fields, r, strict=True))) for r in records}


@dataclass(frozen=True)
class TeamOverview:
    """What the team page shows for one week."""

    week: dt.date
    table: pd.DataFrame  # one row per rep (alphabetical): rep, team, a text and a trend column per metric
    attainment: pd.DataFrame  # rows of `attainment`
    sentences: dict[tuple[str, str], str] = field(default_factory=dict)  # `described(attainment)`
    # reps whose pipeline coverage is no data for want of a won-revenue quota (`targets.without_quota`)
    without_quota: tuple[str, ...] = ()


def trend_column(name: str) -> str:
    return f"{name}_trend"


def team_table(
    values: pd.DataFrame,
    rows: pd.DataFrame,
    week: dt.date,
    names: Sequence[str] = KEY_METRICS,
    sentences: dict[tuple[str, str], str] | None = None,
) -> pd.DataFrame:
    """The reps on a team in `week` (a row of `values` that week: not who left before it), alphabetically,
    with, per metric, the described attainment and the last 8 weekly values (`sentences`:
    `described(rows)` when already made)."""
    week = monday(week)
    reps = values.loc[values["week"] == week, ["rep", "team"]].drop_duplicates("rep")
    reps = reps.sort_values("rep", key=lambda s: s.str.lower())
    table = reps.reset_index(drop=True)
    recent = values[(values["week"] <= week) & (values["week"] > week - dt.timedelta(weeks=TREND_WEEKS))]
    recent = recent.sort_values(["rep", "week"], kind="stable")
    rep_of_row = recent["rep"].to_numpy()
    splits = np.flatnonzero(rep_of_row[1:] != rep_of_row[:-1]) + 1  # where each rep's weeks begin
    bounds = np.concatenate([[0], splits, [len(recent)]]).astype(int).tolist()
    texts = described(rows) if sentences is None else sentences
    for name in names:
        table[name] = (
            table["rep"].map({rep: text for (rep, of), text in texts.items() if of == name}).fillna("–")
        )
        weekly = pd.to_numeric(recent[name]).to_numpy(dtype=float, na_value=np.nan)
        points = np.where(np.isnan(weekly), None, weekly.astype(object)).tolist()  # floats, None for none
        lines = {rep_of_row[a]: points[a:b] for a, b in pairwise(bounds) if b > a}
        table[trend_column(name)] = [lines.get(rep, []) for rep in table["rep"]]
    return table


def team_overview(
    database: db.Database,
    week: dt.date,
    *,
    teams: Sequence[str] | None = None,
    team: str | None = None,
    names: Sequence[str] = KEY_METRICS,
) -> TeamOverview:
    """The team page for `week`: `team` (None: every team the viewer may see, `teams`)."""
    week = monday(week)
    scope = teams_param(teams)
    if team is not None:
        scope = [team] if scope is None or team in scope else []
    lookback = week - dt.timedelta(weeks=LOOKBACK_WEEKS - 1)
    first = min(lookback, targets.period_bounds(lookback, "year")[0])
    values = metrics.weekly_metrics(database, first, week, teams=scope, names=names)
    # no week before a rep's first week with data is judged (exports that start later, a new hire)
    values = trend.blank_before_data(values, trend.first_data_weeks(database), names)
    goals = targets.weekly_targets(database, first, week, teams=scope)
    away = database.run("time_off_list")  # recorded time off (as `interventions.time_off` reads it)
    rows = attainment(progress(values, goals, names), week, away[away["rep"].isin(values["rep"])])
    shown, sentences = values[values["week"] >= lookback], described(rows)
    missing: list[str] = []
    if "pipeline_coverage" in names:
        missing = targets.without_quota(goals, week, values.loc[values["week"] == week, "rep"].unique())
        for rep in missing:  # the cell says why it is empty
            sentences[(rep, "pipeline_coverage")] = NO_QUOTA_CELL
    table = team_table(shown, rows, week, names, sentences)
    return TeamOverview(week, table, rows, sentences, tuple(sorted(missing, key=str.lower)))


def below_expectation(rows: pd.DataFrame, name: str) -> pd.DataFrame:
    """Reps under the expectation for one metric this week, alphabetically, with since when."""
    under = rows[(rows["metric"] == name) & rows["status"].isin(["near", "below"])]
    under = under.sort_values("rep", key=lambda s: s.str.lower())
    definition = BY_NAME[name]
    return pd.DataFrame(
        {
            "rep": under["rep"],
            "team": under["team"],
            "this week": under["value"].map(definition.format),
            "expectation": under["target"].map(definition.format),
            "status": under["status"].map(STATUS_TEXT),
            "under since": under["below_since"].map(
                lambda d: f"{d:%Y-%m-%d}" if isinstance(d, dt.date) else ""
            ),
            "weeks": under["weeks_below"],
        }
    ).reset_index(drop=True)
