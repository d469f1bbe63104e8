"""Early-intervention rules: explainable signals that a rep may need help, before results drop.

Pure functions over the weekly metrics frame (`metrics.weekly_metrics`) and the
targets frame (`targets.weekly_targets`), so they run without a database. Each
rule is one entry of `RULES` (adding a rule touches one place); every
threshold lives in `Thresholds`. A rule looks at one rep's history up to the
week under review and returns signals with the evidence in numbers.

Each rep is compared with their own usual level (the median of recent months)
and their own usual week-to-week swing (the mean absolute deviation around
that median, which settles faster than the median absolute deviation on a
quarter or two of weeks; never below what chance alone gives a count), so a
steady rep's dip counts for more than the same dip from a rep whose weeks
always vary. A flag needs persistent evidence: the main rule reads
prospecting, calls and first meetings together and fires only when they sit
well under the rep's usual range in most of the last 3 weeks, or a little
less far under for 6 weeks; one-metric dips only add evidence.

Suppression before any rule runs: weeks of recorded time off and team-wide
dips (most of a team below their own baseline the same week, e.g. a holiday)
are left out of both the recent window and the baseline; a week with almost
nothing logged is left out of the activity metrics (time off or a logging gap,
not evidence of a slump); weeks before a rep's first data are not history.
Ramping reps are held to the ramped targets `weekly_targets` already gives.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.metrics import BY_NAME

SEVERITIES = ("high", "medium", "low")
ACTIVITY_METRICS = frozenset(
    {
        "prospecting_minutes",
        "calls",
        "connects",
        "monday_call_share",
        "first_meetings",
        "open_deals_worked",
        "activities_logged",
    }
)
LEADING_DECLINE_METRICS = ("prospecting_minutes", "calls", "first_meetings")
EXPECTATION_METRICS = ("prospecting_minutes", "calls", "first_meetings", "opportunities_created")
SD_PER_MEAN_DEVIATION = math.sqrt(math.pi / 2)  # mean absolute deviation of normal data × this = its SD


def median(values: np.ndarray) -> float:
    """Median of a small array without NaN (np.median's overhead dominates at this size)."""
    ordered = np.sort(values)
    n = ordered.size
    return float(ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def slope(values: np.ndarray) -> float:
    """Least-squares slope per step of an evenly spaced series."""
    x = np.arange(values.size) - (values.size - 1) / 2
    return float(np.dot(x, values) / np.dot(x, x))


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use, in one place."""

    recent_weeks: int = 4  # the window a rule reads ("the last 4 weeks")
    baseline_weeks: int = 13  # the rep's own level: median of a quarter of weeks before the recent window
    min_baseline_weeks: int = 6  # fewer usable weeks of history: no baseline rules yet
    decline_ratio: float = 0.6  # recent mean below 60% of own median ...
    decline_z: float = 2.0  # ... and this many own standard errors under it
    min_relative_spread: float = 0.15  # a rep's usual weekly swing is taken as at least 15% of their level
    min_baseline: dict[str, float] = field(
        default_factory=lambda: {
            "prospecting_minutes": 120.0,
            "calls": 8.0,
            "first_meetings": 1.5,
            "pipeline_created": 1.0,
            "activities_logged": 10.0,
        }
    )
    z_clip: float = 3.0  # one week counts at most this many own swings
    index_min_weeks: int = 10  # the joint rule needs this many usable weeks before the recent window
    persist_weeks: int = 3  # the leading-activity rule reads the last 3 weeks ...
    persist_min: int = 2  # ... at least 2 of them well under the usual range ...
    index_week_z: float = 1.5  # ... (a week this many own swings of the joint index under usual) ...
    index_mean_z: float = 2.2  # ... and their average at least this far under
    sustained_weeks: int = 6  # or: a longer, milder slide, its average over 6 weeks ...
    sustained_z: float = 1.7  # ... and over the last 3 weeks this many usual swings under
    consecutive_misses: int = 3  # weeks in a row under an expectation the rep usually meets
    slope_weeks: int = 8  # weeks fitted for the trend
    slope_per_week: float = -0.06  # fitted slope as a share of own median per week
    no_opportunities_weeks: int = 4
    no_opportunities_min_rate: float = 0.75  # the rep usually creates this many a week (own average)
    no_opportunities_strong: float = 7.0  # usually this many in the window: nothing at all opens a flag alone
    coverage_drop_ratio: float = 0.8  # coverage under target and under 80% of its own median
    monday_share_max: float = 0.05  # Monday share of all calls of the recent weeks at or below this ...
    monday_baseline_min: float = 0.12  # ... from a rep whose usual Monday share is at least this ...
    monday_min_calls: int = 40  # ... over at least this many calls
    self_sourced_max: float = 0.15  # self-sourced share of new pipeline at or below this ...
    self_sourced_weeks: int = 3  # ... in at least this many of the recent weeks ...
    self_sourced_baseline_min: float = 0.4  # ... from a rep who usually sources this much
    deals_worked_weeks: int = 8  # open deals worked in the last 8 weeks (worked ÷ open deal-weeks) ...
    deals_worked_min_deals: int = 20  # ... over at least this many open deal-weeks, as is the baseline ...
    deals_worked_min: float = 0.15  # ... from a rep who usually works at least this share ...
    deals_worked_ratio: float = 0.6  # ... under 60% of the usual share (the last 3 weeks too) ...
    deals_worked_z: float = 3.0  # ... and this many standard errors under it (binomial, widened by own swing)
    win_rate_lookback: int = 13  # closed deals of the last 13 weeks ...
    win_rate_history: int = 26  # ... against those of the 26 weeks before
    win_rate_min_closed: int = 12  # at least this many closed deals in each
    win_rate_ratio: float = 0.6  # recent win rate under 60% of the earlier one ...
    win_rate_z: float = 2.0  # ... and this many standard errors under it (two-proportion test)
    win_rate_strong_z: float = 3.5  # this far under: opens a flag alone
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


@dataclass(frozen=True)
class Level:
    """A rep's usual level of one metric and their usual week-to-week swing around it."""

    median: float
    spread: float


@dataclass(frozen=True)
class LeadingIndex:
    """Prospecting, calls and first meetings read together, week by week, in the rep's own swings."""

    metrics: tuple[str, ...]
    levels: tuple[Level, ...]
    positions: np.ndarray  # week indexes (usable and logged weeks)
    z: np.ndarray  # joint index per such week: 0 = usual, -2 = two usual swings under


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
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

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

    def _cached(self, key: object, make: Callable[[], object]) -> object:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def positions(self, metric: str) -> np.ndarray:
        """Indexes of the weeks that count for `metric` (activity metrics: logged weeks only)."""
        activity = metric in ACTIVITY_METRICS
        mask = (lambda: self.usable & self.logged) if activity else (lambda: self.usable)
        return self._cached(("positions", activity), lambda: np.flatnonzero(mask()))  # type: ignore[return-value]

    def recent(self, metric: str, n: int | None = None) -> np.ndarray:
        """Values of the last `n` usable weeks (oldest first); NaN kept."""
        return self.values[metric][self.positions(metric)[-(n or self.cfg.recent_weeks) :]]

    def recent_targets(self, metric: str, n: int) -> np.ndarray:
        idx = self.positions(metric)
        target = self.targets.get(metric)
        return np.full(min(n, idx.size), np.nan) if target is None else target[idx[-n:]]

    def history(self, metric: str, block: int = 0) -> np.ndarray:
        """Baseline weeks: the `block`-th run of `baseline_weeks` usable weeks before the recent window."""
        idx = self.positions(metric)
        end = max(idx.size - self.cfg.recent_weeks - block * self.cfg.baseline_weeks, 0)
        values = self.values[metric][idx[max(end - self.cfg.baseline_weeks, 0) : end]]
        return values[~np.isnan(values)]

    def level(self, metric: str) -> Level | None:
        """The rep's usual level and swing of `metric` (None: too little history).

        The level is the higher of the medians of the two runs of `baseline_weeks`
        before the recent window, so that a slide lasting months does not become the
        new normal. The swing is the mean absolute deviation of each run around its
        own median (pooled, scaled to a standard deviation), at least
        `min_relative_spread` of the level and, for counts, at least the square root
        of the level (what chance alone gives).
        """
        return self._cached(("level", metric), lambda: self._level(metric))  # type: ignore[return-value]

    def _level(self, metric: str) -> Level | None:
        cfg = self.cfg
        blocks = [
            v for v in (self.history(metric, 0), self.history(metric, 1)) if v.size >= cfg.min_baseline_weeks
        ]
        if not blocks:
            return None
        medians = [median(v) for v in blocks]
        usual = max(medians)
        deviations = np.concatenate([np.abs(v - m) for v, m in zip(blocks, medians, strict=True)])
        spread = max(SD_PER_MEAN_DEVIATION * float(np.mean(deviations)), cfg.min_relative_spread * abs(usual))
        if metric in BY_NAME and BY_NAME[metric].unit == "count":
            spread = max(spread, math.sqrt(max(usual, 1.0)))
        return Level(usual, spread) if spread > 0 else None

    def baseline(self, metric: str) -> float | None:
        """The rep's own usual level (None: too little history); see `level`."""
        found = self.level(metric)
        return None if found is None else found.median

    def leading_index(self) -> LeadingIndex | None:
        """Prospecting, calls and first meetings as one weekly number in the rep's own swings."""
        return self._cached("index", self._leading_index)  # type: ignore[return-value]

    def _leading_index(self) -> LeadingIndex | None:
        cfg = self.cfg
        names, levels = [], []
        for m in LEADING_DECLINE_METRICS:
            found = self.level(m)
            if found is not None and found.median >= cfg.min_baseline.get(m, 0.0):
                names.append(m)
                levels.append(found)
        if len(names) < 2:
            return None
        positions = self.positions(names[0])
        each = [
            np.clip((self.values[m][positions] - lv.median) / lv.spread, -cfg.z_clip, cfg.z_clip)
            for m, lv in zip(names, levels, strict=True)
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            joint = np.nanmean(np.vstack(each), axis=0)
        # The joint index's own usual level and swing: metrics that move together swing more.
        end = positions.size - cfg.recent_weeks
        blocks = []
        for b in range(2):
            hi = max(end - b * cfg.baseline_weeks, 0)
            block = joint[max(hi - cfg.baseline_weeks, 0) : hi]
            block = block[~np.isnan(block)]
            if block.size >= cfg.min_baseline_weeks:
                blocks.append(block)
        if not blocks:
            return None
        medians = [median(v) for v in blocks]
        deviations = np.concatenate([np.abs(v - m) for v, m in zip(blocks, medians, strict=True)])
        spread = max(SD_PER_MEAN_DEVIATION * float(np.mean(deviations)), 1 / math.sqrt(len(names)))
        return LeadingIndex(tuple(names), tuple(levels), positions, (joint - max(medians)) / spread)


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


def leading_activity_down(view: RepView) -> list[Signal]:
    """Prospecting, calls and first meetings together well under the rep's usual range, most recent weeks."""
    cfg, index = view.cfg, view.leading_index()
    if index is None or index.z.size < cfg.recent_weeks + cfg.index_min_weeks:
        return []
    recent = index.z[-cfg.persist_weeks :]
    low = int(np.sum(recent <= -cfg.index_week_z))
    mean = float(np.nanmean(recent))
    longer = index.z[-cfg.sustained_weeks :]
    sustained = index.z.size >= cfg.sustained_weeks + cfg.index_min_weeks and (
        float(np.nanmean(longer)) <= -cfg.sustained_z and mean <= -cfg.sustained_z
    )
    if not sustained and (low < cfg.persist_min or not mean <= -cfg.index_mean_z):
        return []
    weeks = index.positions[-cfg.persist_weeks :]
    evidence = "; ".join(
        f"{label(m)} {series(m, view.values[m][weeks])} (usually about {fmt(m, lv.median)})"
        for m, lv in zip(index.metrics, index.levels, strict=True)
    )
    return [
        Signal(
            index.metrics[0],
            "leading_activity_down",
            f"early activity under its usual range in {low} of the last {cfg.persist_weeks} weeks: "
            f"{evidence}. It usually shows in results a few weeks later, so this is a good moment to help",
            weight=2,
        )
    ]


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
    """Recent average of a leading indicator well under the rep's own usual level and usual swing."""
    cfg, out = view.cfg, []
    for m in LEADING_DECLINE_METRICS:
        level, values = view.level(m), view.recent(m)
        if level is None or level.median < cfg.min_baseline.get(m, 0) or values.size < cfg.recent_weeks:
            continue
        mean = float(np.nanmean(values))
        z = (mean - level.median) / (level.spread / math.sqrt(values.size))
        if mean < cfg.decline_ratio * level.median and z <= -cfg.decline_z:
            out.append(
                Signal(
                    m,
                    "below_own_baseline",
                    f"{series(m, values)} in the last {values.size} weeks (average {fmt(m, mean)}) "
                    f"vs own usual level (median) {fmt(m, level.median)}",
                    weight=2 if mean < cfg.decline_ratio * level.median / 2 and m != "first_meetings" else 1,
                )
            )
    return out


def negative_trend(view: RepView) -> list[Signal]:
    """A steady downward slope over the last weeks of leading activity (all of them sliding)."""
    cfg = view.cfg
    slopes, evidence = [], []
    for m in LEADING_DECLINE_METRICS:
        base, values = view.baseline(m), view.recent(m, cfg.slope_weeks)
        if base is None or base <= 0 or values.size < cfg.slope_weeks or np.isnan(values).any():
            return []
        per_week = slope(values) / base
        slopes.append(per_week)
        evidence.append(f"{label(m)} {per_week:+.0%}")
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
    idx = view.positions(m)
    before = view.values[m][idx[: max(idx.size - cfg.no_opportunities_weeks, 0)]][-cfg.baseline_weeks :]
    if values.size < cfg.no_opportunities_weeks or before.size < cfg.min_baseline_weeks:
        return []
    rate = float(np.nanmean(before))
    if np.nansum(values) > 0 or rate < cfg.no_opportunities_min_rate:
        return []
    expected = rate * values.size
    return [
        Signal(
            m,
            "no_opportunities",
            f"no opportunities created in the last {values.size} weeks vs own average "
            f"{rate:.1f}/week before that (about {expected:.0f} expected)",
            weight=2 if expected >= cfg.no_opportunities_strong else 1,
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
    if base is None or base < cfg.monday_baseline_min or calls.size < cfg.recent_weeks:
        return []
    if calls.sum() < cfg.monday_min_calls:
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


def _pooled_share(worked: np.ndarray, deals: np.ndarray) -> float:
    return float(worked.sum() / deals.sum())


def open_deals_going_quiet(view: RepView) -> list[Signal]:
    """Far fewer of the rep's open deals worked than usual, week after week: deals left alone go cold.

    Pools the weeks (deals worked ÷ open deal-weeks) and compares with the rep's usual share over the two
    quarters before the window (a two-sample binomial test, widened by how much more than chance the rep's
    weeks usually vary).
    """
    cfg, n = view.cfg, view.cfg.deals_worked_weeks
    if "open_deals_worked" not in view.values or "open_deals" not in view.values:
        return []
    idx = view.positions("open_deals_worked")
    deals = view.values["open_deals"][idx]
    worked = view.values["open_deals_worked"][idx] * deals
    found = _deals_worked_drop(worked, deals, n, cfg)
    if found is None:
        return []
    now, usual, z = found
    ceiling = cfg.deals_worked_ratio * usual
    latest = _pooled_share(worked[-cfg.persist_weeks :], deals[-cfg.persist_weeks :])
    if now >= ceiling or latest >= ceiling or z > -cfg.deals_worked_z:
        return []
    weekly = ", ".join(f"{w:.0f} of {d:.0f}" for w, d in zip(worked[-n:], deals[-n:], strict=True))
    return [
        Signal(
            "open_deals_worked",
            "open_deals_going_quiet",
            f"open deals worked {weekly} in the last {n} weeks ({now:.0%}) vs own usual {usual:.0%}: "
            "deals without a next step tend to go cold, so it is worth planning the next step on each "
            "together",
            weight=2,
        )
    ]


def _deals_worked_drop(
    worked: np.ndarray, deals: np.ndarray, n: int, cfg: Thresholds
) -> tuple[float, float, float] | None:
    """(share worked in the last `n` weeks, usual share, z of the difference); None: too little data."""
    recent_worked, recent_deals = worked[-n:], deals[-n:]
    if recent_deals.size < n or np.isnan(recent_worked).any():
        return None
    if recent_deals.sum() < cfg.deals_worked_min_deals:
        return None
    blocks = []
    for b in range(2):
        hi = max(worked.size - n - b * cfg.baseline_weeks, 0)
        w, d = worked[max(hi - cfg.baseline_weeks, 0) : hi], deals[max(hi - cfg.baseline_weeks, 0) : hi]
        keep = ~np.isnan(w) & (d > 0)
        if keep.sum() >= cfg.min_baseline_weeks and d[keep].sum() >= cfg.deals_worked_min_deals:
            blocks.append((w[keep], d[keep]))
    if not blocks:
        return None
    w_all, d_all = np.concatenate([w for w, _ in blocks]), np.concatenate([d for _, d in blocks])
    usual = _pooled_share(w_all, d_all)
    if usual < cfg.deals_worked_min or usual >= 1:
        return None
    pearson = (w_all - d_all * usual) / np.sqrt(d_all * usual * (1 - usual))
    dispersion = max(float(np.mean(pearson**2)), 1.0)
    now = _pooled_share(recent_worked, recent_deals)
    variance = dispersion * usual * (1 - usual) * (1 / recent_deals.sum() + 1 / d_all.sum())
    return now, usual, (now - usual) / math.sqrt(variance)


def falling_win_rate(view: RepView) -> list[Signal]:
    """Fewer of the closed deals won in the last quarter than before, on enough closed deals to tell."""
    cfg = view.cfg
    if "wins" not in view.values or "losses" not in view.values:
        return []
    idx = view.positions("wins")
    recent = idx[-cfg.win_rate_lookback :]
    before = idx[-cfg.win_rate_lookback - cfg.win_rate_history : -cfg.win_rate_lookback]
    if recent.size < cfg.win_rate_lookback or before.size < cfg.min_baseline_weeks:
        return []
    wins, losses = view.values["wins"], view.values["losses"]
    won_now, closed_now = float(np.nansum(wins[recent])), float(np.nansum(wins[recent] + losses[recent]))
    won_then, closed_then = float(np.nansum(wins[before])), float(np.nansum(wins[before] + losses[before]))
    if min(closed_now, closed_then) < cfg.win_rate_min_closed or won_then <= 0:
        return []
    now, then = won_now / closed_now, won_then / closed_then
    pooled = (won_now + won_then) / (closed_now + closed_then)
    z = (now - then) / math.sqrt(pooled * (1 - pooled) * (1 / closed_now + 1 / closed_then))
    if now >= cfg.win_rate_ratio * then or z > -cfg.win_rate_z:
        return []
    return [
        Signal(
            "win_rate",
            "falling_win_rate",
            f"won {won_now:.0f} of {closed_now:.0f} closed deals ({now:.0%}) in the last "
            f"{cfg.win_rate_lookback} weeks vs {won_then:.0f} of {closed_then:.0f} ({then:.0%}) in the "
            f"{before.size} weeks before: worth reviewing the recent losses together",
            weight=2 if z <= -cfg.win_rate_strong_z else 1,
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
    Rule("leading_activity_down", leading_activity_down, True, leading_activity_down.__doc__ or ""),
    Rule("consecutive_misses", consecutive_misses, False, consecutive_misses.__doc__ or ""),
    Rule("below_own_baseline", below_baseline, False, below_baseline.__doc__ or ""),
    Rule("negative_trend", negative_trend, False, negative_trend.__doc__ or ""),
    Rule(
        "leading_drop_results_fine", leading_drop_results_fine, False, leading_drop_results_fine.__doc__ or ""
    ),
    Rule("no_opportunities", no_opportunities, True, no_opportunities.__doc__ or ""),
    Rule("coverage_under_target", coverage_under_target, False, coverage_under_target.__doc__ or ""),
    Rule("monday_call_avoidance", monday_call_avoidance, True, monday_call_avoidance.__doc__ or ""),
    Rule("marketing_sourced_only", marketing_only, True, marketing_only.__doc__ or ""),
    Rule("open_deals_going_quiet", open_deals_going_quiet, True, open_deals_going_quiet.__doc__ or ""),
    Rule("falling_win_rate", falling_win_rate, True, falling_win_rate.__doc__ or ""),
)


def hygiene_signal(view: RepView) -> Signal | None:
    """Logging collapsed in most recent weeks while the pipeline keeps moving: a CRM note, not a slump."""
    cfg = view.cfg
    idx = view.positions("wins")[-3:]
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
    usual_median = median(usual[-cfg.baseline_weeks :]) if usual.size else float("nan")
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


def _prior_median(values: np.ndarray, usable: np.ndarray, weeks: int, min_weeks: int) -> np.ndarray:
    """Per rep (row) and week (column), the median of the previous `weeks` usable values (NaN: too few)."""
    prior = np.where(usable, values, np.nan)
    padded = np.concatenate([np.full((prior.shape[0], weeks), np.nan), prior[:, :-1]], axis=1)
    windows = np.lib.stride_tricks.sliding_window_view(padded, weeks, axis=1)
    enough = (~np.isnan(windows)).sum(axis=2) >= min_weeks
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.where(enough, np.nanmedian(windows, axis=2), np.nan)


def build_views(
    metrics: pd.DataFrame,
    targets: pd.DataFrame | None = None,
    time_off: pd.DataFrame | None = None,
    cfg: Thresholds = DEFAULT,
) -> list[RepView]:
    """Per-rep histories with suppression masks, from the wide metrics and tidy targets frames.

    `time_off`: rows of (rep, date_from, date_to); weeks overlapping them are left out.
    Works on a rep × week grid of arrays, so its cost hardly grows with the number of reps.
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
    complete = present.all(axis=1)
    views = []
    for i, rep in enumerate(reps):
        cols = slice(None) if complete[i] else np.flatnonzero(present[i])
        row_teams = teams[i, cols]
        views.append(
            RepView(
                str(rep),
                str(row_teams[-1]) or None,
                dates[cols],
                {m: v[i, cols] for m, v in values.items()},
                {m: v[i, cols] for m, v in target_grids.items()},
                usable[i, cols].copy(),
                logged[i, cols].copy(),
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
    upto = metrics[pd.to_datetime(metrics["week"]) <= pd.Timestamp(week)]
    for view in build_views(upto, targets, time_off, cfg):
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
