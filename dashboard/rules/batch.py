"""Many reps' weekly histories side by side, as the rules read them: a rep × week grid.

The last column is the week under review. Each rep's weeks that count for a
metric (`usable`; for activity metrics also `logged` and `started`) are read right-aligned
(`windows`), so "the last 4 weeks" of every rep is one slice. Levels and the
joint leading index are computed once per batch for all reps, on first use.
`RepView` is one rep's history, a batch of one, as the tests and the
evaluation harness use it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from dashboard.rules import windows
from dashboard.rules.config import ACTIVITY_METRICS, DEFAULT, LEADING_DECLINE_METRICS, Thresholds
from dashboard.rules.rhythm import Rhythm, read_rhythm


@dataclass(frozen=True)
class Level:
    """A rep's usual level of one metric and their usual week-to-week swing around it."""

    median: float
    spread: float


@dataclass(frozen=True)
class LeadingIndex:
    """Prospecting, calls and first meetings read together, week by week, in each rep's own swings."""

    included: np.ndarray  # rep × LEADING_DECLINE_METRICS: the metric has a usual level worth reading
    z: np.ndarray  # rep × week (right-aligned, logged weeks): 0 = usual, -2 = two usual swings under
    known: np.ndarray  # rep: an index exists (two metrics or more, and enough history)

    def metrics(self, row: int) -> list[str]:
        return [m for m, inc in zip(LEADING_DECLINE_METRICS, self.included[row], strict=True) if inc]


@dataclass
class Batch:
    """Reps (rows) × weeks (columns, ascending; the last one under review), with suppression masks."""

    reps: np.ndarray  # str
    weeks: np.ndarray  # datetime.date objects
    teams: np.ndarray  # rep × week, "" where the rep has no row
    present: np.ndarray  # rep × week: the rep has a row that week
    values: dict[str, np.ndarray]  # metric → rep × week
    targets: dict[str, np.ndarray]  # metric → rep × week weekly expectation
    usable: np.ndarray  # not time off, not a team-wide dip, not before the rep's first data, present
    logged: np.ndarray  # activity metrics trustworthy (not a logging gap)
    started: np.ndarray  # on or after the rep's first week with activity logged (activity history)
    cfg: Thresholds = DEFAULT
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def select(self, rows: np.ndarray | slice, cols: np.ndarray | slice = slice(None)) -> Batch:
        """Some reps, some weeks (the last selected week becomes the week under review)."""

        def cut(grid: np.ndarray) -> np.ndarray:
            return grid[rows][:, cols]

        return Batch(
            self.reps[rows],
            self.weeks[cols],
            cut(self.teams),
            cut(self.present),
            {k: cut(v) for k, v in self.values.items()},
            {k: cut(v) for k, v in self.targets.items()},
            cut(self.usable),
            cut(self.logged),
            cut(self.started),
            self.cfg,
        )

    def upto(self, t: int) -> Batch:
        """Every rep as they looked in week index `t`."""
        return self.select(slice(None), slice(0, t + 1))

    def view(self, row: int) -> RepView:
        """One rep's history, over the weeks they have rows."""
        cols = slice(None) if self.present[row].all() else np.flatnonzero(self.present[row])
        return RepView(self.select(slice(row, row + 1), cols))

    def team(self, row: int) -> str | None:
        """The rep's team in the week under review."""
        return str(self.teams[row, -1]) or None

    def _cached(self, key: object, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def activity_weeks(self) -> np.ndarray:
        """Rep × week: the weeks that count for the activity metrics (usable, logged, started)."""
        return self.usable & self.logged & self.started

    def window(self, metric: str) -> tuple[np.ndarray, np.ndarray]:
        """Per rep, the week indexes that count for `metric`, right-aligned (-1 before), and their count."""
        activity = metric in ACTIVITY_METRICS
        mask = self.activity_weeks if activity else (lambda: self.usable)
        return self._cached(("window", activity), lambda: windows.right_align(mask()))

    def count(self, metric: str) -> np.ndarray:
        """Per rep, how many weeks count for `metric`."""
        return self.window(metric)[1]

    def series(self, metric: str, within: str | None = None) -> np.ndarray:
        """Rep × week values of the weeks that count for `metric` (or for `within`), right-aligned
        (NaN before the first)."""
        index = self.window(within or metric)[0]
        return self._cached(("series", metric, within), lambda: windows.gather(self.values[metric], index))

    def target_series(self, metric: str) -> np.ndarray:
        """The weekly expectation in the same weeks as `series` (NaN: none)."""
        target = self.targets.get(metric)
        if target is None:
            return np.full(self.usable.shape, np.nan)
        return windows.gather(target, self.window(metric)[0])

    def recent(self, metric: str, n: int | None = None) -> np.ndarray:
        """Rep × the last `n` weeks that count (oldest first; NaN where a rep has fewer)."""
        return windows.columns(self.series(metric), 0, n or self.cfg.recent_weeks)

    def level(self, metric: str) -> tuple[np.ndarray, np.ndarray]:
        """Per rep, the usual level of `metric` and usual swing (NaN: too little history); see `windows`."""
        return self._cached(
            ("level", metric), lambda: windows.usual_level(self.series(metric), metric, self.cfg)
        )

    def baseline(self, metric: str) -> np.ndarray:
        """Per rep, the usual level of `metric` (NaN: too little history)."""
        return self.level(metric)[0]

    def usual_by_week(self, metric: str) -> np.ndarray:
        """Rep × week: the usual level of `metric` as the rules read it in each week (NaN: none yet)."""
        counts = self.activity_weeks() if metric in ACTIVITY_METRICS else self.usable
        values = self.values[metric]
        return np.vstack(
            [
                windows.usual_level_by_week(values[i], counts[i], metric, self.cfg)
                for i in range(self.reps.size)
            ]
        ).reshape(values.shape)

    def leading_index(self) -> LeadingIndex:
        """Prospecting, calls and first meetings as one weekly number in each rep's own swings."""
        return self._cached("index", self._leading_index)

    def rhythm(self) -> Rhythm:
        """Leading activity as one weekly index per rep, with the rep's own swing and persistence."""
        present = [m for m in LEADING_DECLINE_METRICS if m in self.values]
        return self._cached(
            "rhythm",
            lambda: read_rhythm(
                {m: self.series(m) for m in present}, {m: self.baseline(m) for m in present}, self.cfg
            ),
        )

    def _leading_index(self) -> LeadingIndex:
        cfg = self.cfg
        rows, width = self.usable.shape
        included = np.zeros((rows, len(LEADING_DECLINE_METRICS)), dtype=bool)
        each = np.full((len(LEADING_DECLINE_METRICS), rows, width), np.nan)
        for k, m in enumerate(LEADING_DECLINE_METRICS):
            if m not in self.values:
                continue
            usual, spread = self.level(m)
            included[:, k] = usual >= cfg.min_baseline.get(m, 0.0)  # False where NaN
            z = np.clip((self.series(m) - usual[:, None]) / spread[:, None], -cfg.z_clip, cfg.z_clip)
            each[k] = np.where(included[:, k, None], z, np.nan)
        known = ~np.isnan(each)
        n = known.sum(axis=0)
        joint = np.where(n > 0, np.where(known, each, 0.0).sum(axis=0) / np.maximum(n, 1), np.nan)
        # The joint index's own usual level and swing: metrics that move together swing more.
        usual, deviation = windows.runs_level(joint, cfg)
        names = included.sum(axis=1)
        floor = 1 / np.sqrt(np.maximum(names, 1))
        spread = np.maximum(windows.SD_PER_MEAN_DEVIATION * deviation, floor)
        ok = (names >= 2) & ~np.isnan(usual)
        return LeadingIndex(included, (joint - usual[:, None]) / spread[:, None], ok)


@dataclass
class RepView:
    """One rep's weekly history up to the week under review (the last one): a batch of one rep."""

    batch: Batch

    @property
    def rep(self) -> str:
        return str(self.batch.reps[0])

    @property
    def team(self) -> str | None:
        return self.batch.team(0)

    @property
    def weeks(self) -> np.ndarray:
        return self.batch.weeks

    @property
    def cfg(self) -> Thresholds:
        return self.batch.cfg

    @property
    def values(self) -> dict[str, np.ndarray]:
        return {k: v[0] for k, v in self.batch.values.items()}

    @property
    def targets(self) -> dict[str, np.ndarray]:
        return {k: v[0] for k, v in self.batch.targets.items()}

    @property
    def usable(self) -> np.ndarray:
        return self.batch.usable[0]

    @property
    def logged(self) -> np.ndarray:
        return self.batch.logged[0]

    def upto(self, t: int) -> RepView:
        """The same rep as it looked in week index `t`."""
        return RepView(self.batch.upto(t))

    def level(self, metric: str) -> Level | None:
        """The rep's usual level and swing of `metric` (None: too little history); see `windows`."""
        usual, spread = self.batch.level(metric)
        return None if math.isnan(usual[0]) else Level(float(usual[0]), float(spread[0]))

    def baseline(self, metric: str) -> float | None:
        """The rep's own usual level (None: too little history)."""
        found = self.level(metric)
        return None if found is None else found.median

    @property
    def week(self) -> dt.date:
        return self.weeks[-1]
