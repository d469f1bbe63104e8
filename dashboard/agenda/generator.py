"""Drafts a growth-focused one-on-one agenda from the data of one rep and week.

Order (PRODUCT.md): recognition → results against the clear expectations →
last time's commitments and their follow-up → did the coaching work? → one or
two focus areas, each with an expectation and a date → strategies and tactics
→ open questions → commitments and the next review date.

Never invents a number: every figure comes from the weekly metrics, targets,
pace and coaching records of that rep; tactics and questions carry no figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import (
    coaching,
    db,
    interventions,
    metrics,
    roster,
    rules,
    stalled_deals,
    targets,
    team_view,
    trend,
)
from dashboard.agenda import carried, recognition, tactics
from dashboard.agenda.checks import CoachingCheck, coaching_checks
from dashboard.agenda.recognition import USUAL
from dashboard.agenda.series import WeeklyTargets, lined_up_targets, series_of
from dashboard.rules import ACTIVITY_METRICS

HISTORY_WEEKS = 26
BASELINE_READ_WEEKS = interventions.HISTORY_WEEKS  # read for the usual level, as the rules and rep page do
RECENT_WEEKS = 4
MAX_FOCUS = 2
FOCUS_WEEKS = 4  # a focus area's expectation is due four weeks after the meeting
CLOSED_DAYS = ((12, 25), (1, 1))  # (month, day): a due date never lands on Christmas Day or New Year's Day
EXPECTATION_METRICS = (
    "prospecting_minutes",
    "calls",
    "first_meetings",
    "opportunities_created",
    "opportunities_over_100k",
    "self_sourced_share",
    "target_account_coverage",
    "pipeline_coverage",
    "win_rate",
    "won_revenue",
)
COSTLY_METRICS = ("open_deals_worked", *stalled_deals.NAMES)
"""Read only when a flag or an agreed focus area is about them: the draft says nothing of them otherwise,
and they cost most of a rep's read (open deals worked goes through each week's accounts, open deals
stalled through every snapshot's stage history)."""
EXPECTED_ONLY = ("target_account_coverage",)
"""Said only against an expectation in force in the draft's week (no personal best, no period target to
pace), so read only then, or when a flag or an agreed focus area is about it: it goes through each
week's accounts too."""


@dataclass(frozen=True)
class Expectation:
    """One clear expectation and where the rep stands this week."""

    metric: str
    label: str
    value: str
    target: str
    status: str  # met | near | below | on pace | behind pace
    detail: str


@dataclass(frozen=True)
class Focus:
    """One area to grow, with its evidence, a concrete expectation and a date."""

    metric: str
    label: str
    evidence: str
    expectation: str
    due: dt.date
    tactics: tuple[str, ...]
    question: str | None


@dataclass
class Agenda:
    """Everything the templates render."""

    rep: str
    team: str | None
    manager: str | None
    week: dt.date
    meeting: dt.date
    next_review: dt.date
    recognition: list[str]
    expectations: list[Expectation]
    follow_ups: list[carried.Carried]
    coaching_checks: list[CoachingCheck]
    focus: list[Focus]
    questions: list[str]
    commitments: list[tuple[str, dt.date]]


def _fmt(name: str, value: float | None) -> str:
    return metrics.metric(name).format(value)


def build(
    database: db.Database,
    rep: str,
    week: dt.date,
    *,
    teams: Sequence[str] | None = None,
    flags: Sequence[dict] = (),
    people: pd.DataFrame | None = None,
) -> Agenda:
    """Drafts the agenda of `rep` for the one-on-one reviewing `week` (any day of it).

    `flags`: open early-intervention signals for the rep ({metric, detail, severity, kind}),
    strongest first: a slump's (kind "slump", the default) take precedence as focus areas and their
    metrics are not praised; a hygiene note's (kind "hygiene") make the draft ask about the logging
    and leave activity metrics out of the focus areas and the coaching checks' verdicts.
    `people`: `roster.list_reps(database, teams)` when the caller has read it already.
    """
    people = roster.list_reps(database, teams) if people is None else people
    name = roster.match_rep(people["rep"].tolist(), rep)
    week = metrics.monday(week)
    first = week - dt.timedelta(weeks=HISTORY_WEEKS - 1)
    baseline_from = week - dt.timedelta(weeks=BASELINE_READ_WEEKS)
    year_from = targets.period_bounds(week, "year")[0]  # a yearly count's pace sums from January
    agreed = coaching.focus_areas(database, name, week)
    spelled = roster.spellings(database, name)  # looked up once for the two reads of the rep
    goals = targets.weekly_targets(database, first, week, teams=teams, rep=name, spellings=spelled)
    read = metrics.weekly_metrics(
        database,
        min(baseline_from, year_from),
        week,
        teams=teams,
        rep=name,
        names=_read(flags, agreed, goals, week),
        spellings=spelled,
    )
    values = read[read["week"] >= first].reset_index(drop=True)
    person = people[people["rep"] == name].iloc[0]
    meeting = week + dt.timedelta(days=7)
    agenda = Agenda(
        rep=name,
        team=None if pd.isna(person["team"]) else person["team"],
        manager=None if pd.isna(person["manager"]) else person["manager"],
        week=week,
        meeting=meeting,
        next_review=meeting + dt.timedelta(days=7),
        recognition=[],
        expectations=[],
        follow_ups=[],
        coaching_checks=[],
        focus=[],
        questions=[],
        commitments=[],
    )
    if values.empty or values["week"].iloc[-1] != week:
        agenda.recognition.append("Thank you for making time for this one-on-one.")
        agenda.questions.extend(tactics.GENERAL_QUESTIONS)
        return agenda
    weekly_target = lined_up_targets(goals, values["week"].tolist())
    data_from = trend.first_data_weeks(database, rep=name).get(name)  # the pace counts from it, if later
    paces = {p.metric: p for p in targets.pace(read, goals, week, data_from)}
    usual = usual_levels(
        read[read["week"] >= baseline_from],
        interventions.time_off(database),
        week,
        (*recognition.PERSONAL_BEST_METRICS, *EXPECTATION_METRICS),
    )
    slumps = [f for f in flags if f.get("kind", "slump") == "slump"]
    logging_gap = any(f.get("kind") == "hygiene" for f in flags)
    slid = recognition.slid(slumps)
    agenda.coaching_checks = coaching_checks(
        agreed, week, values, RECENT_WEEKS, slid=slid, logging_gap=logging_gap, usual=usual
    )
    agenda.expectations = _expectations(values, weekly_target, paces, week, logging_gap)
    agenda.recognition = recognition.recognize(
        values,
        weekly_target,
        paces,
        agenda.coaching_checks,
        usual,
        recognition.records_start(read),
        slid,
        logging_gap,
        EXPECTATION_METRICS,
    )
    agenda.follow_ups = carried.to_review(database, name, week)
    agenda.focus = _focus(values, weekly_target, paces, slumps, meeting, usual, logging_gap)
    agenda.questions = (
        [tactics.LOGGING_QUESTION] * logging_gap
        + [f.question for f in agenda.focus if f.question]
        + list(tactics.GENERAL_QUESTIONS)
    )
    agenda.commitments = [
        (f"{f.label}: work towards {f.expectation} with one tactic from the list", agenda.next_review)
        for f in agenda.focus
    ]
    return agenda


def _read(flags: Sequence[dict], agreed: pd.DataFrame, goals: pd.DataFrame, week: dt.date) -> tuple[str, ...]:
    """The metrics a draft reads: every one but the `COSTLY_METRICS` and the `EXPECTED_ONLY` ones
    without an expectation in `week` (`goals`: the rep's `targets.weekly_targets`), unless a flag or
    a focus area agreed earlier is about it."""
    about = {f.get("metric") for f in flags} | set(agreed["metric"])
    expected = set(goals.loc[(goals["week"] == week) & goals["target"].notna(), "metric"])
    left_out = {*COSTLY_METRICS, *(m for m in EXPECTED_ONLY if m not in expected)} - about
    return tuple(m for m in metrics.METRIC_NAMES if m not in left_out)


def usual_levels(
    values: pd.DataFrame, time_off: pd.DataFrame, week: dt.date, names: Sequence[str]
) -> dict[str, float]:
    """One rep's usual level of each of `names` in `week`, as the rules (their "usually about")
    and the rep page (`rules.usual_levels`) read it, the team left unknown as on the rep page;
    metrics without one are left out.

    `values`: the rep's weekly metrics up to `week`; `time_off`: recorded time off (any reps)."""
    if values.empty:
        return {}
    rep = values["rep"].iloc[0]
    masks = ("activities_logged", "opportunities_created")  # which weeks count (rules.grid)
    columns = ["rep", "week", *dict.fromkeys(c for c in (*names, *masks) if c in values)]
    off = time_off[time_off["rep"] == rep]
    batch = rules.build_batch(values[columns].assign(team=None), None, off, until=week)
    levels = {name: float(batch.baseline(name)[0]) for name in names if name in batch.values}
    return {name: level for name, level in levels.items() if not np.isnan(level)}


def _expectations(
    values: pd.DataFrame,
    weekly_target: WeeklyTargets,
    paces: dict[str, targets.Pace],
    week: dt.date,
    logging_gap: bool = False,
) -> list[Expectation]:
    rows = []
    for name in EXPECTATION_METRICS:
        entry = metrics.metric(name)
        series, goals = series_of(values, weekly_target, name)
        if name in paces:
            p = paces[name]
            status = "on pace" if p.on_pace else "behind pace"
            if p.actual >= p.target:
                needed = "; target reached"
            elif p.needed_per_week is None:
                needed = ""
            else:
                needed = f"; {_fmt(name, p.needed_per_week)} a week from here"
            rows.append(
                Expectation(
                    name,
                    entry.label,
                    f"{_fmt(name, p.actual)} {p.so_far}",
                    f"{_fmt(name, p.target)} a {p.period}",
                    status,
                    f"even pace by now: {_fmt(name, p.expected)}; "
                    f"projected: {_fmt(name, p.projected)}{needed}",
                )
            )
        elif not pd.isna(goals[-1]):
            recent = ", ".join(_fmt(name, v) for v in series[-RECENT_WEEKS:])
            unsure = logging_gap and name in ACTIVITY_METRICS
            rows.append(
                Expectation(
                    name,
                    entry.label,
                    _fmt(name, series[-1]),
                    _fmt(name, goals[-1]) + (" a week" if entry.additive else ""),
                    team_view.status(series[-1], goals[-1], entry.higher_is_better) or "no data",
                    f"last {RECENT_WEEKS} weeks: {recent}"
                    + ("; the logging may be behind (see the questions)" if unsure else ""),
                )
            )
    return rows


def due_date(meeting: dt.date) -> dt.date:
    """The Friday four weeks after the meeting's week, or the next Friday that is not a closed day."""
    due = meeting + dt.timedelta(weeks=FOCUS_WEEKS, days=4)
    while (due.month, due.day) in CLOSED_DAYS:
        due += dt.timedelta(weeks=1)
    return due


def _focus(
    values: pd.DataFrame,
    weekly_target: WeeklyTargets,
    paces: dict[str, targets.Pace],
    flags: Sequence[dict],
    meeting: dt.date,
    usual: dict[str, float],
    logging_gap: bool = False,
) -> list[Focus]:
    """The flags' metrics (`flags`: slump signals), then the largest gaps against an expectation;
    while a hygiene note says the logging may be behind, no activity metric (its gap may be the
    logging's: the draft asks about the logging instead)."""
    due = due_date(meeting)
    known = [f for f in flags if f.get("metric") in metrics.BY_NAME]
    leading_first = sorted(known, key=lambda f: metrics.metric(f["metric"]).indicator != "leading")
    flagged = [(f["metric"], f["detail"]) for f in leading_first]
    gaps: list[tuple[float, str, str]] = []  # (size of the gap, metric, evidence)
    for name in EXPECTATION_METRICS:
        entry = metrics.metric(name)
        if entry.indicator != "leading" or name in paces or (logging_gap and name in ACTIVITY_METRICS):
            continue
        series, goals = series_of(values, weekly_target, name)
        recent, recent_goals = series[-RECENT_WEEKS:], goals[-RECENT_WEEKS:]
        if any(pd.isna(g) or g <= 0 for g in recent_goals) or any(pd.isna(v) for v in recent):
            continue
        average, goal = sum(recent) / len(recent), recent_goals[-1]
        if average < NEAR_FOCUS * goal:
            shown = ", ".join(_fmt(name, v) for v in recent)
            gaps.append(
                (
                    1 - average / goal,
                    name,
                    f"{shown} in the last {RECENT_WEEKS} weeks vs {_fmt(name, goal)} a week",
                )
            )
    for name, p in paces.items():
        if (
            metrics.metric(name).indicator == "leading"
            and not (logging_gap and name in ACTIVITY_METRICS)
            and not p.on_pace
            and p.needed_per_week
            and p.expected > 0
        ):
            evidence = f"{_fmt(name, p.actual)} {p.so_far} vs an even pace of {_fmt(name, p.expected)}"
            gaps.append((1 - p.actual / p.expected, name, evidence))
    largest_first = [(name, evidence) for _, name, evidence in sorted(gaps, key=lambda g: -g[0])]
    chosen: list[Focus] = []
    for name, evidence in flagged + largest_first:
        if len(chosen) == MAX_FOCUS or name in {f.metric for f in chosen}:
            continue
        chosen.append(_focus_area(name, evidence, values, weekly_target, paces, due, usual.get(name)))
    return chosen


NEAR_FOCUS = 0.9  # a leading metric averaging under 90 % of its target is a candidate


def _focus_area(
    name: str,
    evidence: str,
    values: pd.DataFrame,
    weekly_target: WeeklyTargets,
    paces: dict[str, targets.Pace],
    due: dt.date,
    usual: float | None,
) -> Focus:
    entry = metrics.metric(name)
    if name in paces and paces[name].needed_per_week:
        expectation = (
            f"{_fmt(name, paces[name].needed_per_week)} a week to reach {_fmt(name, paces[name].target)}"
        )
    else:
        _, goals = series_of(values, weekly_target, name)
        goal = goals[-1]
        if pd.isna(goal):
            expectation = f"back to {USUAL}" + (f" of about {_fmt(name, usual)}" if usual else "")
        else:
            expectation = f"{_fmt(name, goal)}{' a week' if entry.additive else ''}"
    return Focus(
        metric=name,
        label=entry.label,
        evidence=evidence,
        expectation=expectation,
        due=due,
        tactics=tactics.tactics_for(name),
        question=tactics.question_for(name),
    )
