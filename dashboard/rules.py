"""Early-intervention rules: explainable signals that a rep may need help, before results drop.

Pure functions over the weekly metrics frame (`metrics.weekly_metrics`) and the
targets frame (`targets.weekly_targets`), so they run without a database. Each
rule is one entry of `RULES` (adding a rule touches one place); every
threshold lives in `Thresholds`. A rule looks at one rep's history up to the
week under review and returns signals with the evidence in numbers.

Suppression before any rule runs: weeks of recorded time off and team-wide
dips (most of a team below their own baseline the same week, e.g. a holiday)
are left out of both the recent window and the baseline; a week with almost
nothing logged is left out of the activity metrics (time off or a logging gap,
not evidence of a slump); weeks before a rep's first data are not history.
Ramping reps are held to the ramped targets `weekly_targets` already gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.metrics import BY_NAME

SEVERITIES = ("high", "medium", "low")
ACTIVITY_METRICS = frozenset(
    {"prospecting_minutes", "calls", "connects", "monday_call_share", "first_meetings", "activities_logged"}
)
LEADING_DECLINE_METRICS = ("prospecting_minutes", "calls", "first_meetings")
EXPECTATION_METRICS = ("prospecting_minutes", "calls", "first_meetings", "opportunities_created")


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use, in one place."""

    recent_weeks: int = 4  # the window a rule reads ("the last 4 weeks")
    baseline_weeks: int = 12  # the rep's own level: median of the weeks before the recent window
    min_baseline_weeks: int = 6  # fewer usable weeks of history: no baseline rules yet
    decline_ratio: float = 0.6  # recent mean below 60% of own median
    min_baseline: dict[str, float] = field(
        default_factory=lambda: {
            "prospecting_minutes": 120.0,
            "calls": 8.0,
            "first_meetings": 1.5,
            "pipeline_created": 1.0,
            "activities_logged": 10.0,
        }
    )
    consecutive_misses: int = 3  # weeks in a row under an expectation the rep usually meets
    slope_weeks: int = 8  # weeks fitted for the trend
    slope_per_week: float = -0.06  # fitted slope as a share of own median per week
    no_opportunities_weeks: int = 4
    no_opportunities_min_rate: float = 0.75  # the rep usually creates this many a week (own median)
    coverage_drop_ratio: float = 0.8  # coverage under target and under 80% of its own median
    monday_share_max: float = 0.05  # Monday share of all calls of the recent weeks at or below this ...
    monday_baseline_min: float = 0.12  # ... from a rep whose usual Monday share is at least this
    self_sourced_max: float = 0.15  # self-sourced share of new pipeline at or below this ...
    self_sourced_weeks: int = 3  # ... in at least this many of the recent weeks ...
    self_sourced_baseline_min: float = 0.4  # ... from a rep who usually sources this much
    win_rate_ratio: float = 0.6  # 13-week win rate under 60% of where it stood a quarter ago
    win_rate_lookback: int = 13
    results_fine_ratio: float = 0.8  # recent wins at least 80% of own median: results still look fine
    gap_ratio: float = 0.25  # a week logging under 25% of own median: time off or a logging gap
    hygiene_weeks: int = 2  # such weeks among the last 3 while the pipeline moves: a hygiene note
    team_dip_share: float = 0.6  # this share of a team below 60% of own median the same week ...
    team_dip_min_reps: int = 3  # ... in a team of at least this many reps: a team-wide dip
    flag_weight: int = 2  # signals of primary rules must add up to this for a flag
    medium_weight: int = 3
    high_weight: int = 5


DEFAULT = Thresholds()


@dataclass(frozen=True)
class Signal:
    """One rule's finding: which metric, which rule, the evidence in numbers."""

    metric: str
    rule: str
    detail: str
    weight: int = 1

    def to_json(self) -> dict[str, str]:
        return {"metric": self.metric, "rule": self.rule, "detail": self.detail}


@dataclass(frozen=True)
class Flag:
    """A rep who may need help this week (kind slump), or whose CRM logging needs a look (hygiene)."""

    rep: str
    team: str | None
    week: dt.date
    severity: str
    kind: str  # slump | hygiene
    signals: tuple[Signal, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "rep": self.rep,
            "team": self.team,
            "week": self.week.isoformat(),
            "severity": self.severity,
            "kind": self.kind,
            "signals": [s.to_json() for s in self.signals],
        }


@dataclass
class RepView:
    """One rep's weekly history up to the week under review (the last row)."""

    rep: str
    team: str | None
    weeks: np.ndarray  # datetime.date objects, ascending
    values: dict[str, np.ndarray]
    targets: dict[str, np.ndarray]
    usable: np.ndarray  # bool: not time off, not a team-wide dip, not before the rep's first data
    logged: np.ndarray  # bool: activity metrics trustworthy (not a logging gap)
    cfg: Thresholds = DEFAULT

    def upto(self, t: int) -> RepView:
        """The same rep as it looked in week index `t`."""
        cut = slice(0, t + 1)
        return RepView(
            self.rep,
            self.team,
            self.weeks[cut],
            {k: v[cut] for k, v in self.values.items()},
            {k: v[cut] for k, v in self.targets.items()},
            self.usable[cut],
            self.logged[cut],
            self.cfg,
        )

    def _mask(self, metric: str) -> np.ndarray:
        return self.usable & self.logged if metric in ACTIVITY_METRICS else self.usable

    def recent(self, metric: str, n: int | None = None) -> np.ndarray:
        """Values of the last `n` usable weeks (oldest first); NaN kept."""
        idx = np.flatnonzero(self._mask(metric))
        return self.values[metric][idx[-(n or self.cfg.recent_weeks) :]]

    def recent_targets(self, metric: str, n: int) -> np.ndarray:
        idx = np.flatnonzero(self._mask(metric))
        target = self.targets.get(metric)
        return np.full(min(n, idx.size), np.nan) if target is None else target[idx[-n:]]

    def history(self, metric: str, block: int = 0) -> np.ndarray:
        """Baseline weeks: the `block`-th run of `baseline_weeks` usable weeks before the recent window."""
        idx = np.flatnonzero(self._mask(metric))
        end = max(idx.size - self.cfg.recent_weeks - block * self.cfg.baseline_weeks, 0)
        values = self.values[metric][idx[max(end - self.cfg.baseline_weeks, 0) : end]]
        return values[~np.isnan(values)]

    def baseline(self, metric: str) -> float | None:
        """The rep's own usual level (None: too little history).

        The higher of the medians of the two runs of `baseline_weeks` before the recent
        window, so that a slide lasting months does not become the new normal.
        """
        medians = [
            float(np.median(values))
            for values in (self.history(metric, 0), self.history(metric, 1))
            if values.size >= self.cfg.min_baseline_weeks
        ]
        return max(medians) if medians else None


# --- wording helpers ---------------------------------------------------------------------------


def label(metric: str) -> str:
    return BY_NAME[metric].label.lower() if metric in BY_NAME else metric.replace("_", " ")


def fmt(metric: str, value: float) -> str:
    if value is None or np.isnan(value):
        return "–"
    if metric in BY_NAME:
        unit = BY_NAME[metric].unit
        if unit == "count":
            return f"{value:,.1f}".removesuffix(".0")
        return BY_NAME[metric].format(value)
    return f"{value:,.1f}"


def series(metric: str, values: np.ndarray) -> str:
    return ", ".join(fmt(metric, v) for v in values)


# --- the rules ---------------------------------------------------------------------------------

RuleFn = Callable[[RepView], list[Signal]]


def consecutive_misses(view: RepView) -> list[Signal]:
    """Several weeks in a row under a weekly expectation the rep usually meets."""
    n, out = view.cfg.consecutive_misses, []
    for m in EXPECTATION_METRICS:
        values, targets = view.recent(m, n), view.recent_targets(m, n)
        base = view.baseline(m)
        if values.size < n or base is None or np.isnan(targets).any():
            continue
        if (values < targets).all() and base >= targets[-1]:
            out.append(
                Signal(
                    m,
                    "consecutive_misses",
                    f"{series(m, values)} in the last {n} weeks vs expectation "
                    f"{fmt(m, targets[-1])}/week and own median {fmt(m, base)}",
                )
            )
    return out


def below_baseline(view: RepView) -> list[Signal]:
    """Recent average well under the rep's own usual level on a leading indicator."""
    cfg, out = view.cfg, []
    for m in LEADING_DECLINE_METRICS:
        base, values = view.baseline(m), view.recent(m)
        if base is None or base < cfg.min_baseline.get(m, 0) or values.size < cfg.recent_weeks:
            continue
        mean = float(np.nanmean(values))
        if mean < cfg.decline_ratio * base:
            out.append(
                Signal(
                    m,
                    "below_own_baseline",
                    f"{series(m, values)} in the last {values.size} weeks (average {fmt(m, mean)}) "
                    f"vs own usual level (median) {fmt(m, base)}",
                    weight=2 if mean < cfg.decline_ratio * base / 2 and m != "first_meetings" else 1,
                )
            )
    return out


def negative_trend(view: RepView) -> list[Signal]:
    """A steady downward slope over the last weeks of leading activity (all of them sliding)."""
    cfg = view.cfg
    slopes, evidence = [], []
    for m in ("prospecting_minutes", "calls", "first_meetings"):
        base, values = view.baseline(m), view.recent(m, cfg.slope_weeks)
        if base is None or base <= 0 or values.size < cfg.slope_weeks or np.isnan(values).any():
            return []
        slope = float(np.polyfit(np.arange(values.size), values, 1)[0]) / base
        slopes.append(slope)
        evidence.append(f"{label(m)} {slope:+.0%}")
    if max(slopes) > cfg.slope_per_week:
        return []
    return [
        Signal(
            "prospecting_minutes",
            "negative_trend",
            f"over the last {cfg.slope_weeks} weeks every leading activity trends down "
            f"(per week, as a share of own median): {', '.join(evidence)}",
        )
    ]


def leading_drop_results_fine(view: RepView) -> list[Signal]:
    """Leading indicators slide while wins still look normal: the moment to step in early."""
    cfg = view.cfg
    dropped = [s.metric for s in below_baseline(view)]
    history = np.concatenate([view.history("wins", 0), view.history("wins", 1)])
    wins = view.recent("wins", 8)
    if len(dropped) < 2 or history.size < cfg.min_baseline_weeks or wins.size < 8:
        return []
    usual, per_week = float(np.mean(history)), float(np.nanmean(wins))
    if usual <= 0 or per_week < cfg.results_fine_ratio * usual:
        return []
    return [
        Signal(
            dropped[0],
            "leading_drop_results_fine",
            f"{' and '.join(label(m) for m in dropped)} are down while wins still look normal "
            f"({per_week:.1f}/week over 8 weeks vs own average {usual:.1f}): results usually follow "
            "a few weeks later, so this is a good moment to help",
        )
    ]


def no_opportunities(view: RepView) -> list[Signal]:
    """No opportunities created for several weeks from a rep who usually creates them."""
    cfg, m = view.cfg, "opportunities_created"
    values = view.recent(m, cfg.no_opportunities_weeks)
    idx = np.flatnonzero(view.usable)
    before = view.values[m][idx[: max(idx.size - cfg.no_opportunities_weeks, 0)]][-cfg.baseline_weeks :]
    if values.size < cfg.no_opportunities_weeks or before.size < cfg.min_baseline_weeks:
        return []
    rate = float(np.nanmean(before))
    if np.nansum(values) > 0 or rate < cfg.no_opportunities_min_rate:
        return []
    return [
        Signal(
            m,
            "no_opportunities",
            f"no opportunities created in the last {values.size} weeks vs own average "
            f"{rate:.1f}/week before that",
            weight=2,
        )
    ]


def coverage_under_target(view: RepView) -> list[Signal]:
    """Pipeline coverage under target and clearly under the rep's own usual coverage."""
    cfg, m = view.cfg, "pipeline_coverage"
    values, targets = view.recent(m, 3), view.recent_targets(m, 3)
    base = view.baseline(m)
    if values.size < 3 or base is None or np.isnan(targets).any() or np.isnan(values).any():
        return []
    if (values < targets).all() and values[-1] < cfg.coverage_drop_ratio * base:
        return [
            Signal(
                m,
                "coverage_under_target",
                f"{series(m, values)} in the last 3 weeks vs target {fmt(m, targets[-1])} "
                f"and own median {fmt(m, base)}",
            )
        ]
    return []


def monday_call_avoidance(view: RepView) -> list[Signal]:
    """Mondays without calls, week after week, from a rep who used to call on Mondays."""
    cfg, m = view.cfg, "monday_call_share"
    values, base = view.recent(m), view.baseline(m)
    calls = view.recent("calls")
    if base is None or base < cfg.monday_baseline_min or calls.size < cfg.recent_weeks or calls.sum() <= 0:
        return []
    pooled = float(np.nansum(values * calls) / calls.sum())  # NaN share (no calls) adds nothing
    if pooled > cfg.monday_share_max:
        return []
    return [
        Signal(
            m,
            "monday_call_avoidance",
            f"Monday share of calls {series(m, values)} in the last {values.size} weeks "
            f"({fmt(m, pooled)} of {calls.sum():.0f} calls) vs own median {fmt(m, base)}: "
            "Monday is a good day to reach buyers",
            weight=2,
        )
    ]


def marketing_only(view: RepView) -> list[Signal]:
    """New pipeline drifting to marketing-sourced only: self-sourced share collapses."""
    cfg, m = view.cfg, "self_sourced_share"
    values, base = view.recent(m), view.baseline(m)
    if base is None or base < cfg.self_sourced_baseline_min:
        return []
    if int(np.sum(values <= cfg.self_sourced_max)) < cfg.self_sourced_weeks:
        return []
    return [
        Signal(
            m,
            "marketing_sourced_only",
            f"self-sourced share of new pipeline {series(m, values)} in the last {values.size} weeks "
            f"vs own median {fmt(m, base)}: target accounts are worth pursuing between marketing leads",
        )
    ]


def falling_win_rate(view: RepView) -> list[Signal]:
    """The 13-week win rate well under where it stood a quarter ago."""
    cfg, m = view.cfg, "win_rate"
    idx = np.flatnonzero(view.usable)
    if idx.size <= cfg.win_rate_lookback + cfg.min_baseline_weeks:
        return []
    now = view.values[m][idx[-1]]
    then = view.values[m][idx[-1 - cfg.win_rate_lookback - cfg.min_baseline_weeks : -cfg.win_rate_lookback]]
    then = then[~np.isnan(then)]
    if np.isnan(now) or then.size < cfg.min_baseline_weeks:
        return []
    before = float(np.median(then))
    if before <= 0 or now >= cfg.win_rate_ratio * before:
        return []
    return [
        Signal(
            m,
            "falling_win_rate",
            f"win rate {fmt(m, now)} over the last 13 weeks vs {fmt(m, before)} a quarter earlier",
            weight=2 if now < cfg.win_rate_ratio * before / 2 else 1,
        )
    ]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its name (as in `Signal.rule`) and function."""

    name: str
    check: RuleFn
    primary: bool  # can open a flag; other rules only add evidence to one
    description: str


RULES: tuple[Rule, ...] = (
    Rule("consecutive_misses", consecutive_misses, False, consecutive_misses.__doc__ or ""),
    Rule("below_own_baseline", below_baseline, True, below_baseline.__doc__ or ""),
    Rule("negative_trend", negative_trend, True, negative_trend.__doc__ or ""),
    Rule(
        "leading_drop_results_fine", leading_drop_results_fine, False, leading_drop_results_fine.__doc__ or ""
    ),
    Rule("no_opportunities", no_opportunities, True, no_opportunities.__doc__ or ""),
    Rule("coverage_under_target", coverage_under_target, False, coverage_under_target.__doc__ or ""),
    Rule("monday_call_avoidance", monday_call_avoidance, True, monday_call_avoidance.__doc__ or ""),
    Rule("marketing_sourced_only", marketing_only, True, marketing_only.__doc__ or ""),
    Rule("falling_win_rate", falling_win_rate, False, falling_win_rate.__doc__ or ""),
)


def hygiene_signal(view: RepView) -> Signal | None:
    """Logging collapsed in most recent weeks while the pipeline keeps moving: a CRM note, not a slump."""
    cfg = view.cfg
    idx = np.flatnonzero(view.usable)[-3:]
    gaps = int(np.sum(~view.logged[idx]))
    if gaps < cfg.hygiene_weeks:
        return None
    moving = sum(
        float(np.nansum(view.values[m][idx])) for m in ("opportunities_created", "wins") if m in view.values
    )
    coverage = view.values.get("pipeline_coverage")
    if coverage is not None and idx.size >= 2 and not np.isnan(coverage[idx]).all():
        moving += float(np.nanmax(coverage[idx]) - np.nanmin(coverage[idx]) > 0)
    if moving <= 0:
        return None
    logged = view.values["activities_logged"][idx]
    usual = view.values["activities_logged"][view.usable & view.logged]
    usual_median = float(np.median(usual[-cfg.baseline_weeks :])) if usual.size else float("nan")
    return Signal(
        "activities_logged",
        "logging_gap",
        f"activities logged {series('activities_logged', logged)} in the last {idx.size} weeks vs own "
        f"median {fmt('activities_logged', usual_median)}, while the pipeline kept moving "
        f"(opportunities created or won): worth checking the CRM logging, not a slump",
    )


def check(view: RepView) -> Flag | None:
    """All rules on one rep's history: a flag for the last week, or None."""
    week = view.weeks[-1]
    if not view.usable[-1]:
        return None  # time off or a team-wide dip this week
    found = [(rule.primary, s) for rule in RULES for s in rule.check(view)]
    hygiene = hygiene_signal(view)
    if hygiene is not None:
        found = [(p, s) for p, s in found if s.metric not in ACTIVITY_METRICS]
    signals = [s for _, s in found]
    weight = sum(s.weight for s in signals)
    if sum(s.weight for p, s in found if p) >= view.cfg.flag_weight:
        cfg = view.cfg
        severity = "high" if weight >= cfg.high_weight else "medium" if weight >= cfg.medium_weight else "low"
        ordered = tuple(sorted(signals, key=lambda s: -s.weight))
        return Flag(view.rep, view.team, week, severity, "slump", ordered)
    if hygiene is not None:
        return Flag(view.rep, view.team, week, "low", "hygiene", (hygiene,))
    return None


# --- building the views ------------------------------------------------------------------------


def _own_median(values: pd.Series, usable: pd.Series, weeks: int, min_weeks: int) -> pd.Series:
    """Per week, the median of the previous `weeks` usable values (NaN with too few)."""
    prior = values.where(usable).shift(1)
    return prior.rolling(weeks, min_periods=min_weeks).median()


def build_views(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None = None,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> list[RepView]:
    """Per-rep histories with suppression masks, from the wide metrics and tidy targets frames.

    `time_off`: rows of (rep, date_from, date_to); weeks overlapping them are left out.
    """
    frame = metrics.sort_values(["rep", "week"]).reset_index(drop=True)
    frame["week"] = pd.to_datetime(frame["week"])
    # Weeks before a rep's first data are not history.
    any_data = frame["activities_logged"].fillna(0).gt(0) | frame["opportunities_created"].fillna(0).gt(0)
    started = any_data.groupby(frame["rep"]).cummax()
    usable = started.copy()
    if time_off is not None and not time_off.empty:
        for row in time_off.itertuples(index=False):
            start, end = pd.Timestamp(row.date_from), pd.Timestamp(row.date_to)
            hit = (
                (frame["rep"] == row.rep)
                & (frame["week"] <= end)
                & (frame["week"] + pd.Timedelta(days=6) >= start)
            )
            usable &= ~hit
    logged_median = frame.groupby("rep", group_keys=False)["activities_logged"].apply(
        lambda s: _own_median(s, usable.loc[s.index], cfg.baseline_weeks, 3)
    )
    logged = ~(frame["activities_logged"] < cfg.gap_ratio * logged_median)
    # Team-wide dips: most of a team far below their own level the same week.
    low = frame["activities_logged"] < cfg.decline_ratio * logged_median
    team = frame["team"].fillna("")
    per_team = pd.DataFrame({"team": team, "week": frame["week"], "low": low, "known": logged_median.notna()})
    agg = per_team.groupby(["team", "week"]).agg(
        low=("low", "sum"), known=("known", "sum"), reps=("low", "size")
    )
    dip = (agg["reps"] >= cfg.team_dip_min_reps) & (
        agg["low"] >= cfg.team_dip_share * agg["known"].clip(lower=1)
    )
    dip &= agg["known"] > 0
    dip_weeks = set(dip[dip].index)
    usable &= ~pd.Series(
        [(t, w) in dip_weeks for t, w in zip(team, frame["week"], strict=True)], index=frame.index
    )

    target_wide: pd.DataFrame | None = None
    if targets is not None and not targets.empty:
        target_wide = targets.assign(week=pd.to_datetime(targets["week"])).pivot_table(
            index=["rep", "week"], columns="metric", values="target", aggfunc="first", dropna=False
        )
    metric_columns = [c for c in frame.columns if c in BY_NAME]
    views = []
    for rep, rows in frame.groupby("rep", sort=True):
        idx = rows.index
        weeks = rows["week"].dt.date.to_numpy()
        values = {m: rows[m].to_numpy(dtype=float) for m in metric_columns}
        rep_targets: dict[str, np.ndarray] = {}
        if target_wide is not None:
            keys = pd.MultiIndex.from_arrays([rows["rep"], rows["week"]])
            aligned = target_wide.reindex(keys)
            rep_targets = {m: aligned[m].to_numpy(dtype=float) for m in aligned.columns}
        team_name = rows["team"].iloc[-1]
        views.append(
            RepView(
                str(rep),
                None if pd.isna(team_name) else str(team_name),
                weeks,
                values,
                rep_targets,
                usable.loc[idx].to_numpy(dtype=bool),
                logged.loc[idx].to_numpy(dtype=bool),
                cfg,
            )
        )
    return views


def evaluate_frames(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None,
    week: dt.date,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> list[Flag]:
    """Flags for `week` (a Monday) from in-memory frames, most severe first."""
    flags = []
    for view in build_views(metrics[pd.to_datetime(metrics["week"]).dt.date <= week], targets, time_off, cfg):
        if view.weeks.size and view.weeks[-1] == week:
            flag = check(view)
            if flag is not None:
                flags.append(flag)
    return sort_flags(flags)


def sort_flags(flags: Sequence[Flag]) -> list[Flag]:
    """Slumps before hygiene notes, then high → low, then by weight of evidence, then name."""
    return sorted(
        flags,
        key=lambda f: (
            f.kind != "slump",
            SEVERITIES.index(f.severity),
            -sum(s.weight for s in f.signals),
            f.rep,
        ),
    )
