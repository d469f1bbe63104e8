"""The team page's table: each rep's key metrics this week against the expectation.

Attainment is read, never ranked: "✓ met", "◐ near" (within 10 % of the
expectation) or "○ below", always as a word and a symbol, not colour alone.
A weekly target is compared with the week's value; a month, quarter or year
count (two opportunities over $100k a year) with its pace: the total so far
against where an even pace would be by now. For a metric under its
expectation the table says since which week it has been so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import db, interventions, metrics, scorecard, targets
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


def _period_position(week: dt.date, period: str) -> tuple[dt.date, int, int]:
    """(first week of the period containing `week`, weeks of it elapsed by then, weeks in it)."""
    start, end = targets.period_bounds(week, period)
    weeks = targets.weeks_in(start, end)
    return weeks[0], sum(1 for w in weeks if w <= week), len(weeks)


def progress(values: pd.DataFrame, goals: pd.DataFrame, names: Sequence[str] = KEY_METRICS) -> pd.DataFrame:
    """Rows of (rep, team, week, metric, value, target, basis): what each week is judged on.

    `values` is wide (`metrics.weekly_metrics`), `goals` from `targets.weekly_targets`.
    A weekly target: the week's value against it (basis 'week'). A period count:
    the total since the period began against an even pace (basis 'month', 'quarter', 'year').
    """
    long = metrics.tidy(values, names).sort_values(["rep", "metric", "week"])
    merged = long.merge(
        goals[["rep", "week", "metric", "value", "period", "ramp", "target"]].rename(
            columns={"value": "target_value"}
        ),
        on=["rep", "week", "metric"],
        how="left",
    )
    additive = per_metric(merged["metric"], "additive")
    paced = additive & merged["period"].isin(targets.PERIOD_TARGETS) & merged["target"].isna()
    merged["basis"] = np.where(paced, merged["period"], np.where(merged["target"].notna(), "week", None))
    if paced.any():
        rows = merged[paced]
        keys = list(zip(rows["week"], rows["period"], strict=True))
        positions = {key: _period_position(*key) for key in set(keys)}  # a few weeks × periods
        starts, elapsed, totals = zip(*(positions[key] for key in keys), strict=True)
        rows = rows.assign(period_start=starts)
        in_period = rows["week"] >= rows["period_start"]
        to_date = (
            rows["value"]
            .where(in_period, 0)
            .groupby([rows["rep"], rows["metric"], rows["period_start"]])
            .cumsum()
        )
        merged.loc[paced, "value"] = to_date
        merged.loc[paced, "target"] = (
            rows["target_value"] * rows["ramp"] * np.array(elapsed) / np.array(totals)
        ).to_numpy()
    return merged[["rep", "team", "week", "metric", "value", "target", "basis"]].reset_index(drop=True)


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
    week = monday(week)
    frame = progress_rows[progress_rows["week"] <= week]
    frame = frame.sort_values(["rep", "metric", "week"], kind="stable").reset_index(drop=True)
    higher = per_metric(frame["metric"], "higher_is_better")
    frame["status"] = statuses(frame["value"], frame["target"], higher)
    frame.loc[on_time_off(frame, time_off) & frame["status"].notna(), "status"] = "off"
    under = frame["status"].isin(["near", "below"])
    pair = [frame["rep"], frame["metric"]]
    run = (~under).astype(int).groupby(pair).cumsum()  # a met (or unjudged) week starts a new run
    frame["weeks_below"] = under.astype(int).groupby([*pair, run]).cumsum()
    first_under = pd.to_datetime(frame["week"]).where(under).groupby([*pair, run]).transform("min")
    current = frame.groupby(pair, sort=False).tail(1)
    current = current[current["week"] == week]
    since = first_under[current.index].dt.date.astype(object)
    rows = current.assign(below_since=since.where(current["weeks_below"] > 0, None))
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


@dataclass(frozen=True)
class TeamOverview:
    """What the team page shows for one week."""

    week: dt.date
    table: pd.DataFrame  # one row per rep (alphabetical): rep, team, a text and a trend column per metric
    attainment: pd.DataFrame  # rows of `attainment`


def trend_column(name: str) -> str:
    return f"{name}_trend"


def team_table(
    values: pd.DataFrame, rows: pd.DataFrame, week: dt.date, names: Sequence[str] = KEY_METRICS
) -> pd.DataFrame:
    """Reps alphabetically with, per metric, the described attainment and the last 8 weekly values."""
    week = monday(week)
    reps = values[["rep", "team"]].drop_duplicates("rep").sort_values("rep", key=lambda s: s.str.lower())
    table = reps.reset_index(drop=True)
    recent = values[(values["week"] <= week) & (values["week"] > week - dt.timedelta(weeks=TREND_WEEKS))]
    recent = recent.sort_values(["rep", "week"], kind="stable")
    rep_of_row = recent["rep"].to_numpy()
    splits = np.flatnonzero(rep_of_row[1:] != rep_of_row[:-1]) + 1  # where each rep's weeks begin
    first_rows = np.concatenate([[0], splits]).astype(int)
    for name in names:
        texts = {r["rep"]: describe(r) for r in rows[rows["metric"] == name].to_dict(orient="records")}
        table[name] = table["rep"].map(texts).fillna("–")
        weekly = pd.to_numeric(recent[name]).to_numpy(dtype=float, na_value=np.nan)
        chunks = np.split(weekly, splits) if len(recent) else []
        lines = {
            rep: [None if np.isnan(v) else float(v) for v in chunk]
            for rep, chunk in zip(rep_of_row[first_rows[: len(chunks)]], chunks, strict=True)
        }
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
    goals = targets.weekly_targets(database, first, week, teams=scope)
    away = interventions.time_off(database)
    rows = attainment(progress(values, goals, names), week, away[away["rep"].isin(values["rep"])])
    shown = values[values["week"] >= lookback]
    return TeamOverview(week=week, table=team_table(shown, rows, week, names), attainment=rows)


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
