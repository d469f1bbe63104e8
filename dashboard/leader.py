"""The leader view: does the organisation run on a positive culture of accountability?

Two questions, answered from the data and the coaching records:

* Are the clear expectations met? The share of reps meeting each weekly
  expectation, week by week, and how a week's attainment is spread.
* Does the coaching system run? Per manager and per team: one-on-ones held,
  agendas prepared, commitments followed up, intervention flags opened,
  acknowledged and resolved, the balance of recognition and correction, whether
  agreed focus areas recovered, and whether the weekly review took place.

Every measure is declared once in `LEADER_METRICS` with a definition a leader
can read. Tables are alphabetical: the view describes the system, it does not
rank people. Every data call takes `teams` (the teams the viewer may see,
None for all) and the queries filter on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import db, metrics, targets, team_view
from dashboard.access import teams_param
from dashboard.metrics import BY_NAME, monday

DEFAULT_WEEKS = 8  # the coaching window: "the last 8 weeks"
TREND_WEEKS = 13  # weeks shown in the share-meeting trend
RECOVERY_WEEKS = 4  # a focus area is judged on the 4 weeks before and after its agreement
LAPSE_WEEKS = 2  # weeks in a row without any agenda before a team's weekly review counts as lapsed
UNFOLLOWED_SHARE = 0.5  # the closing note names managers with fewer commitments followed up
ORGANISATION = "All teams"
NO_MANAGER = "no manager recorded"
GROUPINGS = ("organisation", "manager", "team")
STATUSES = ("met", "near", "below")


@dataclass(frozen=True)
class LeaderMetric:
    """One measure of the leader view and how to read it."""

    name: str
    label: str
    definition: str  # may mention {weeks}, the coaching window


LEADER_METRICS: tuple[LeaderMetric, ...] = (
    LeaderMetric(
        "expectations_met", "Expectations met",
        "Of the weekly expectations that applied to a rep that week and had a value to judge, the share "
        "met (✓ met, as on the team page). Counted: targets with a weekly reading (a daily or weekly "
        "count, or a level such as win rate or pipeline coverage); month, quarter and year counts are "
        "followed as pace on the team page instead."),
    LeaderMetric(
        "one_on_ones_held", "One-on-ones held",
        "Reps with a saved agenda for the week ÷ reps on the team that week."),
    LeaderMetric(
        "agendas_per_rep", "Agendas prepared per rep",
        "Saved agendas in the last {weeks} weeks (one per rep and week, however many versions) ÷ reps "
        "on the team in the selected week."),
    LeaderMetric(
        "commitments_followed_up", "Commitments followed up",
        "Commitments due in the last {weeks} weeks (up to the selected week's Sunday) with a follow-up "
        "recorded (done, partly or not yet) by the selected week ÷ commitments due."),
    LeaderMetric(
        "flags_opened", "Flags opened",
        "Early-intervention flag episodes that opened in the last {weeks} weeks."),
    LeaderMetric(
        "flags_acknowledged", "Flags acknowledged",
        "Of the flag episodes opened in the last {weeks} weeks, those discussed (acknowledged) by the "
        "selected week."),
    LeaderMetric(
        "flags_resolved", "Flags resolved",
        "Flag episodes resolved in the last {weeks} weeks (a later review no longer raised them)."),
    LeaderMetric(
        "flags_open", "Flags open",
        "Flag episodes still open at the end of the selected week."),
    LeaderMetric(
        "median_weeks_open", "Median weeks open",
        "Median number of weeks from opening to resolution of the flag episodes resolved in the last "
        "{weeks} weeks."),
    LeaderMetric(
        "recognition_balance", "Recognition to correction",
        "Recognition items ÷ focus (correction) items in the agendas saved for the last {weeks} weeks "
        "(the current version of each), written as 'r : 1'."),
    LeaderMetric(
        "coaching_effectiveness", "Coaching effectiveness",
        "Of the focus areas agreed in the {weeks} weeks whose four following weeks are complete, the "
        "share whose metric recovered: the mean of the 4 weeks after the agreement week is better than "
        "the mean of the 4 weeks up to and including it (higher, or lower where lower is better)."),
    LeaderMetric(
        "reviews_held", "Weekly reviews held",
        "Team-weeks in the last {weeks} weeks whose exports are in (activity logged that week and a "
        "pipeline snapshot describing it) and with at least one agenda saved ÷ team-weeks."),
)  # fmt: skip

LEADER_BY_NAME: dict[str, LeaderMetric] = {m.name: m for m in LEADER_METRICS}


def definition(name: str, weeks: int = DEFAULT_WEEKS) -> str:
    """The definition of a leader measure, with the coaching window filled in."""
    return LEADER_BY_NAME[name].definition.format(weeks=weeks)


def definitions(weeks: int = DEFAULT_WEEKS) -> dict[str, str]:
    """Label -> definition of every leader measure (for the page's closing note)."""
    return {m.label: definition(m.name, weeks) for m in LEADER_METRICS}


def _teams(teams: Sequence[str] | None) -> list[str] | None:
    return teams_param(teams)


def _dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def _is_date(value: object) -> bool:
    """A real date (not None, NaN or NaT)."""
    return isinstance(value, dt.date) and not pd.isna(value)


def _share(part: float, whole: float) -> float:
    return float(part) / float(whole) if whole else float("nan")


# --- expectations: share meeting each, and the spread of one week -------------------------------


def judged(values: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """Rows of (rep, team, week, metric, value, target, status) for every weekly expectation judged.

    `values` wide from `metrics.weekly_metrics`, `goals` from `targets.weekly_targets`. Only targets
    with a weekly reading count; a week without a value to judge (no deals closed) is left out.
    """
    columns = ["rep", "team", "week", "metric", "value", "target", "status"]
    weekly = goals[goals["target"].notna()][["rep", "week", "metric", "target"]]
    names = sorted(set(weekly["metric"]) & set(values.columns))
    if values.empty or not names:
        return pd.DataFrame(columns=columns)
    rows = metrics.tidy(values, names).merge(weekly, on=["rep", "week", "metric"], how="inner")
    higher = rows["metric"].map(lambda m: BY_NAME[m].higher_is_better)
    rows["status"] = [
        team_view.status(v, t, h) for v, t, h in zip(rows["value"], rows["target"], higher, strict=True)
    ]
    return rows[rows["status"].notna()][columns].reset_index(drop=True)


def expectation_trend(rows: pd.DataFrame) -> pd.DataFrame:
    """Per week and metric: reps judged, reps who met the expectation, and the share.

    Columns: week, metric, label, reps, met, share_met (rows from `judged`).
    """
    columns = ["week", "metric", "label", "reps", "met", "share_met"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.assign(is_met=rows["status"] == "met").groupby(["week", "metric"], as_index=False)
    trend = grouped.agg(reps=("rep", "nunique"), met=("is_met", "sum"))
    trend["share_met"] = trend["met"] / trend["reps"]
    trend["label"] = trend["metric"].map(lambda m: BY_NAME[m].label)
    return trend[columns].sort_values(["metric", "week"]).reset_index(drop=True)


@dataclass(frozen=True)
class Distribution:
    """How one week's attainment is spread across reps."""

    week: dt.date
    by_metric: pd.DataFrame  # metric, label, met, near, below, reps (alphabetical by label)
    by_count: pd.DataFrame  # expectations_met, reps: how many reps met 0, 1, 2 … of their expectations
    reps_judged: int


def distribution(rows: pd.DataFrame, week: dt.date) -> Distribution:
    """Counts of reps met / near / below per metric, and reps by number of expectations met, in `week`."""
    week = monday(week)
    current = rows[rows["week"] == week]
    counts = current.groupby(["metric", "status"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATUSES), fill_value=0).reset_index()
    counts["reps"] = counts[list(STATUSES)].sum(axis=1)
    counts["label"] = counts["metric"].map(lambda m: BY_NAME[m].label)
    by_metric = counts[["metric", "label", *STATUSES, "reps"]].sort_values("label").reset_index(drop=True)
    met_per_rep = current.assign(is_met=current["status"] == "met").groupby("rep")["is_met"].sum()
    most = int(current.groupby("rep").size().max()) if not current.empty else 0
    by_count = (
        met_per_rep.value_counts()
        .reindex(range(most + 1), fill_value=0)
        .rename_axis("expectations_met")
        .reset_index(name="reps")
    )
    return Distribution(week, by_metric, by_count, int(current["rep"].nunique()))


# --- coaching records over the window -------------------------------------------------------------


@dataclass(frozen=True)
class CoachingRecords:
    """The coaching records a leader reads for one week and the window before it."""

    week: dt.date
    weeks: int
    reps: pd.DataFrame  # rep, team, manager: reps on a team in `week`
    agendas: pd.DataFrame  # rep, team, manager, week, recognition_items, focus_items (current versions)
    commitments: pd.DataFrame  # rep, team, manager, commitment_id, week, due_date, status, followed_up
    flags: pd.DataFrame  # flag episodes with opened_in_window, acknowledged, resolved_in_window, open_at_week
    focus: pd.DataFrame  # focus areas judged: rep, team, manager, week, metric, before, after, recovered
    reviews: pd.DataFrame  # team, manager, week, reps, activity_loaded, pipeline_loaded, agenda_saved …


def window(week: dt.date, weeks: int = DEFAULT_WEEKS) -> tuple[dt.date, dt.date]:
    """Mondays of the first and last week of the coaching window ending with `week`."""
    week = monday(week)
    return week - dt.timedelta(weeks=weeks - 1), week


def focus_window(week: dt.date, weeks: int = DEFAULT_WEEKS) -> tuple[dt.date, dt.date]:
    """Agreement weeks judged for coaching effectiveness: `weeks` weeks whose 4 weeks after are complete."""
    last = monday(week) - dt.timedelta(weeks=RECOVERY_WEEKS)
    return last - dt.timedelta(weeks=weeks - 1), last


def _managers(frame: pd.DataFrame) -> pd.DataFrame:
    if "manager" in frame:
        frame["manager"] = frame["manager"].fillna(NO_MANAGER)
    return frame


def recovery(focus: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """Each focus area with the mean of its metric over the 4 weeks up to and including the agreement
    week (`before`), over the 4 weeks after it (`after`), and whether it `recovered` (NaN: not judged)."""
    before, after, recovered = [], [], []
    by_rep = {rep: frame.set_index("week") for rep, frame in values.groupby("rep")}
    for row in focus.itertuples():
        entry = BY_NAME.get(row.metric)
        series = by_rep.get(row.rep)
        if entry is None or series is None:
            before.append(np.nan), after.append(np.nan), recovered.append(np.nan)
            continue
        span = dt.timedelta(weeks=RECOVERY_WEEKS)
        weeks = series.index.to_series()
        prior = series.loc[(weeks > row.week - span) & (weeks <= row.week), entry.name].astype(float).mean()
        later = series.loc[(weeks > row.week) & (weeks <= row.week + span), entry.name].astype(float).mean()
        before.append(prior)
        after.append(later)
        if pd.isna(prior) or pd.isna(later):
            recovered.append(np.nan)
        else:
            recovered.append(later > prior if entry.higher_is_better else later < prior)
    return focus.assign(before=before, after=after, recovered=pd.Series(recovered, dtype=object).values)


def review_weeks(
    database: db.Database, from_week: dt.date, to_week: dt.date, *, teams: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per team and week: exports in (activity and pipeline), agendas saved, and whether it was reviewed.

    Columns: team, manager, week, reps, activity_loaded, pipeline_loaded, exports_in, reps_with_agenda,
    agenda_saved, reviewed (exports in and at least one agenda saved).
    """
    frame = database.run(
        "leader_review_weeks", from_week=monday(from_week), to_week=monday(to_week), teams=_teams(teams)
    )
    frame = _managers(_dates(frame, "week"))
    frame["exports_in"] = frame["activity_loaded"] & frame["pipeline_loaded"]
    frame["agenda_saved"] = frame["reps_with_agenda"] > 0
    frame["reviewed"] = frame["exports_in"] & frame["agenda_saved"]
    return frame


def coaching_records(
    database: db.Database,
    week: dt.date,
    *,
    weeks: int = DEFAULT_WEEKS,
    teams: Sequence[str] | None = None,
    values: pd.DataFrame | None = None,
) -> CoachingRecords:
    """Reads the coaching records of the window ending with `week` (`values`: weekly metrics covering
    the focus areas' weeks, read here when not given)."""
    first, week = window(week, weeks)
    scope = _teams(teams)
    reps = _managers(database.run("leader_rep_weeks", from_week=week, to_week=week, teams=scope))
    reps = reps.drop(columns="week")
    agendas = database.run("leader_agendas", from_week=first, to_week=week, teams=scope)
    agendas = _managers(_dates(agendas, "week"))
    commitments = database.run("leader_commitments", from_week=first, to_week=week, teams=scope)
    commitments = _managers(_dates(commitments, "week", "due_date", "followed_up_week"))
    commitments["followed_up"] = (commitments["status"] != "open") & commitments["followed_up_week"].map(
        lambda w: _is_date(w) and w <= week
    )
    flags = database.run("leader_flag_episodes", to_week=week, teams=scope)
    flags = _managers(_dates(flags, "opened_week", "last_seen_week", "resolved_week", "first_acked_week"))
    in_window = flags["opened_week"].map(lambda w: first <= w <= week)
    resolved_by = flags["resolved_week"].map(lambda w: _is_date(w) and w <= week)
    flags["opened_in_window"] = in_window
    flags["acknowledged"] = in_window & flags["first_acked_week"].map(lambda w: _is_date(w))
    flags["resolved_in_window"] = flags["resolved_week"].map(lambda w: _is_date(w) and first <= w <= week)
    flags["open_at_week"] = ~resolved_by
    flags["weeks_open"] = [
        (r - o).days // 7 if _is_date(r) else np.nan
        for o, r in zip(flags["opened_week"], flags["resolved_week"], strict=True)
    ]
    agreed_from, agreed_to = focus_window(week, weeks)
    focus = database.run("leader_focus_areas", from_week=agreed_from, to_week=agreed_to, teams=scope)
    focus = _managers(_dates(focus, "week", "due_date"))
    if values is None:
        values = metrics.weekly_metrics(
            database, agreed_from - dt.timedelta(weeks=RECOVERY_WEEKS), week, teams=scope
        )
    focus = recovery(focus, values)
    reviews = review_weeks(database, first, week, teams=scope)
    return CoachingRecords(week, weeks, reps, agendas, commitments, flags, focus, reviews)


def _grouped(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    if by == "organisation":
        return frame.assign(organisation=ORGANISATION)
    return frame


def summary(records: CoachingRecords, by: str = "manager") -> pd.DataFrame:
    """The coaching measures per manager, per team or for the organisation, alphabetically.

    Columns: the grouping (`by`), reps, one_on_ones (reps with an agenda this week),
    one_on_ones_held, agendas, agendas_per_rep, commitments_due, commitments_followed_up,
    followed_up_share, flags_opened, flags_acknowledged, flags_resolved, flags_open,
    median_weeks_open, recognition_items, focus_items, recognition_balance, focus_areas_judged,
    focus_areas_recovered, coaching_effectiveness, team_weeks, team_weeks_reviewed, reviews_held.
    """
    if by not in GROUPINGS:
        raise ValueError(f"group by one of {', '.join(GROUPINGS)}, not {by!r}")
    reps = _grouped(records.reps, by)
    names = set(reps[by]) | set(_grouped(records.reviews, by)[by])
    index = pd.Index(sorted(names, key=str.lower), name=by)
    out = pd.DataFrame(index=index)

    def count(frame: pd.DataFrame, mask: pd.Series | None = None) -> pd.Series:
        frame = _grouped(frame, by)
        if mask is not None:
            frame = frame.loc[np.asarray(mask, dtype=bool)]
        return frame.groupby(by).size().reindex(index, fill_value=0)

    def total(frame: pd.DataFrame, column: str) -> pd.Series:
        return _grouped(frame, by).groupby(by)[column].sum().reindex(index, fill_value=0)

    agendas = records.agendas
    out["reps"] = count(reps)
    out["one_on_ones"] = count(agendas, agendas["week"] == records.week)
    out["one_on_ones_held"] = out["one_on_ones"] / out["reps"].replace(0, np.nan)
    out["agendas"] = count(agendas)
    out["agendas_per_rep"] = out["agendas"] / out["reps"].replace(0, np.nan)
    commitments = records.commitments
    out["commitments_due"] = count(commitments)
    out["commitments_followed_up"] = count(commitments, commitments["followed_up"])
    out["followed_up_share"] = out["commitments_followed_up"] / out["commitments_due"].replace(0, np.nan)
    flags = records.flags
    out["flags_opened"] = count(flags, flags["opened_in_window"])
    out["flags_acknowledged"] = count(flags, flags["acknowledged"])
    out["flags_resolved"] = count(flags, flags["resolved_in_window"])
    out["flags_open"] = count(flags, flags["open_at_week"])
    resolved = _grouped(flags.loc[np.asarray(flags["resolved_in_window"], dtype=bool)], by)
    out["median_weeks_open"] = resolved.groupby(by)["weeks_open"].median().reindex(index)
    out["recognition_items"] = total(agendas, "recognition_items")
    out["focus_items"] = total(agendas, "focus_items")
    out["recognition_balance"] = out["recognition_items"] / out["focus_items"].replace(0, np.nan)
    focus = records.focus
    judged_mask = focus["recovered"].notna()
    out["focus_areas_judged"] = count(focus, judged_mask)
    out["focus_areas_recovered"] = count(focus, judged_mask & (focus["recovered"] == True))  # noqa: E712
    out["coaching_effectiveness"] = out["focus_areas_recovered"] / out["focus_areas_judged"].replace(
        0, np.nan
    )
    reviews = records.reviews
    out["team_weeks"] = count(reviews)
    out["team_weeks_reviewed"] = count(reviews, reviews["reviewed"])
    out["reviews_held"] = out["team_weeks_reviewed"] / out["team_weeks"].replace(0, np.nan)
    return out.reset_index()


def review_status(records: CoachingRecords) -> pd.DataFrame:
    """Per team (alphabetical): this week's exports and agendas, weeks reviewed, and since when it lapsed.

    Columns: team, manager, exports_in, agenda_saved, reviewed, weeks_reviewed, weeks,
    weeks_without_agenda (consecutive weeks up to the selected one with no agenda saved),
    last_agenda_week (latest week in the window with an agenda, or None).
    """
    rows = []
    for team, frame in records.reviews.sort_values("week").groupby("team", sort=False):
        current = frame[frame["week"] == records.week]
        run = 0
        for saved in reversed(frame["agenda_saved"].tolist()):
            if saved:
                break
            run += 1
        with_agenda = frame[frame["agenda_saved"]]
        rows.append(
            {
                "team": team,
                "manager": frame["manager"].iloc[-1],
                "exports_in": bool(current["exports_in"].any()),
                "agenda_saved": bool(current["agenda_saved"].any()),
                "reviewed": bool(current["reviewed"].any()),
                "weeks_reviewed": int(frame["reviewed"].sum()),
                "weeks": len(frame),
                "weeks_without_agenda": run,
                "last_agenda_week": with_agenda["week"].iloc[-1] if not with_agenda.empty else None,
            }
        )
    columns = ["team", "manager", "exports_in", "agenda_saved", "reviewed", "weeks_reviewed", "weeks",
               "weeks_without_agenda", "last_agenda_week"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("team", key=lambda s: s.str.lower()).reset_index(drop=True)


def rep_table(records: CoachingRecords, team: str) -> pd.DataFrame:
    """The reps of one team (alphabetical) with their coaching records in the window.

    Columns: rep, manager, agenda_this_week, agendas_prepared, open_flags, commitments_due,
    commitments_followed_up, recognition_items, focus_items.
    """
    reps = records.reps[records.reps["team"] == team][["rep", "manager"]]
    reps = reps.sort_values("rep", key=lambda s: s.str.lower()).reset_index(drop=True)

    def per_rep(frame: pd.DataFrame, mask: pd.Series | None = None) -> pd.Series:
        if mask is not None:
            frame = frame.loc[np.asarray(mask, dtype=bool)]
        return reps["rep"].map(frame.groupby("rep").size()).fillna(0).astype(int)

    agendas, commitments, flags = records.agendas, records.commitments, records.flags
    table = reps.assign(
        agenda_this_week=per_rep(agendas, agendas["week"] == records.week) > 0,
        agendas_prepared=per_rep(agendas),
        open_flags=per_rep(flags, flags["open_at_week"]),
        commitments_due=per_rep(commitments),
        commitments_followed_up=per_rep(commitments, commitments["followed_up"]),
        recognition_items=reps["rep"].map(agendas.groupby("rep")["recognition_items"].sum()).fillna(0),
        focus_items=reps["rep"].map(agendas.groupby("rep")["focus_items"].sum()).fillna(0),
    )
    for column in ("recognition_items", "focus_items"):
        table[column] = table[column].astype(int)
    return table


# --- the page's bundle ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kpi:
    """One headline number with its definition."""

    name: str
    label: str
    value: str
    detail: str
    definition: str


@dataclass(frozen=True)
class LeaderOverview:
    """What the leader page shows for one week."""

    week: dt.date
    weeks: int
    kpis: list[Kpi]
    trend: pd.DataFrame  # expectation_trend over the trend weeks
    distribution: Distribution
    managers: pd.DataFrame  # summary by manager
    teams: pd.DataFrame  # summary by team
    reviews: pd.DataFrame  # review_status per team
    review_grid: pd.DataFrame  # review_weeks rows of the window
    records: CoachingRecords
    notes: list[str]


def percent(value: float) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:.0%}"


def ratio(value: float) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:.1f} : 1"


def number(value: float) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def kpis(rows: pd.DataFrame, org: pd.Series, week: dt.date, weeks: int) -> list[Kpi]:
    """The organisation's headline numbers (`org`: the single row of `summary(…, 'organisation')`)."""
    current = rows[rows["week"] == week]
    met = int((current["status"] == "met").sum())

    def kpi(name: str, value: str, detail: str) -> Kpi:
        return Kpi(name, LEADER_BY_NAME[name].label, value, detail, definition(name, weeks))

    return [
        kpi("expectations_met", percent(_share(met, len(current))), f"{met} of {len(current)} this week"),
        kpi("one_on_ones_held", percent(org["one_on_ones_held"]),
            f"{org['one_on_ones']} of {org['reps']} reps this week"),
        kpi("agendas_per_rep", number(org["agendas_per_rep"]), f"{org['agendas']} agendas, last {weeks} wks"),
        kpi("commitments_followed_up", percent(org["followed_up_share"]),
            f"{org['commitments_followed_up']} of {org['commitments_due']} due"),
        kpi("flags_open", number(org["flags_open"]),
            f"{org['flags_opened']} opened, {org['flags_acknowledged']} acknowledged, "
            f"{org['flags_resolved']} resolved in {weeks} wks"),
        kpi("median_weeks_open", number(org["median_weeks_open"]), f"of {org['flags_resolved']} resolved"),
        kpi("recognition_balance", ratio(org["recognition_balance"]),
            f"{org['recognition_items']} recognition, {org['focus_items']} focus items"),
        kpi("coaching_effectiveness", percent(org["coaching_effectiveness"]),
            f"{org['focus_areas_recovered']} of {org['focus_areas_judged']} focus areas recovered"),
        kpi("reviews_held", percent(org["reviews_held"]),
            f"{org['team_weeks_reviewed']} of {org['team_weeks']} team-weeks"),
    ]  # fmt: skip


def notes(records: CoachingRecords, managers: pd.DataFrame, reviews: pd.DataFrame) -> list[str]:
    """Plain sentences about where the coaching system needs attention (alphabetical), or that it runs."""
    found: list[str] = []
    for row in reviews.itertuples():
        if not row.exports_in:
            found.append(
                f"Exports not all in for {row.team}: the week needs its activity log and a pipeline snapshot."
            )
        if row.weeks_without_agenda < LAPSE_WEEKS:  # this week's one-on-ones may still be ahead
            continue
        if _is_date(row.last_agenda_week):
            weeks = row.weeks_without_agenda
            found.append(
                f"Weekly review lapsed in {row.team}: no one-on-one agenda saved for the last {weeks} "
                f"weeks (the latest is for the week of {row.last_agenda_week:%d %b %Y})."
            )
        else:
            found.append(
                f"Weekly review lapsed in {row.team}: no one-on-one agenda saved in the last "
                f"{records.weeks} weeks."
            )
    for row in managers.itertuples():
        share = row.followed_up_share
        if row.commitments_due and share < UNFOLLOWED_SHARE:
            found.append(
                f"Commitments waiting for follow-up with {row.manager}: {row.commitments_followed_up} of "
                f"{row.commitments_due} commitments due in the last {records.weeks} weeks have a "
                "recorded follow-up."
            )
    if not found:
        found.append("Every team's weekly review is up to date and commitments are being followed up.")
    return found


def overview(
    database: db.Database,
    week: dt.date,
    *,
    weeks: int = DEFAULT_WEEKS,
    trend_weeks: int = TREND_WEEKS,
    teams: Sequence[str] | None = None,
) -> LeaderOverview:
    """Everything the leader page shows for `week`, for the teams the viewer may see."""
    week = monday(week)
    trend_from = week - dt.timedelta(weeks=trend_weeks - 1)
    focus_from = focus_window(week, weeks)[0] - dt.timedelta(weeks=RECOVERY_WEEKS)
    first = min(trend_from, focus_from)
    values = metrics.weekly_metrics(database, first, week, teams=teams)
    goals = targets.weekly_targets(database, trend_from, week, teams=teams)
    rows = judged(values[values["week"] >= trend_from], goals)
    records = coaching_records(database, week, weeks=weeks, teams=teams, values=values)
    org = summary(records, "organisation")
    managers = summary(records, "manager")
    reviews = review_status(records)
    org_row = org.iloc[0] if not org.empty else summary_row_empty()
    return LeaderOverview(
        week=week,
        weeks=weeks,
        kpis=kpis(rows, org_row, week, weeks),
        trend=expectation_trend(rows),
        distribution=distribution(rows, week),
        managers=managers,
        teams=summary(records, "team"),
        reviews=reviews,
        review_grid=records.reviews,
        records=records,
        notes=notes(records, managers, reviews),
    )


def summary_row_empty() -> pd.Series:
    """A summary row of zeros (no reps in scope)."""
    counts = ["reps", "one_on_ones", "agendas", "commitments_due", "commitments_followed_up",
              "flags_opened", "flags_acknowledged", "flags_resolved", "flags_open", "recognition_items",
              "focus_items", "focus_areas_judged", "focus_areas_recovered", "team_weeks",
              "team_weeks_reviewed"]  # fmt: skip
    shares = ["one_on_ones_held", "agendas_per_rep", "followed_up_share", "median_weeks_open",
              "recognition_balance", "coaching_effectiveness", "reviews_held"]  # fmt: skip
    return pd.Series({**dict.fromkeys(counts, 0), **dict.fromkeys(shares, np.nan)})


def summary_table(frame: pd.DataFrame, by: str, weeks: int = DEFAULT_WEEKS) -> pd.DataFrame:
    """A summary as the page shows it: one readable text per measure, alphabetical."""
    label = {"manager": "Manager", "team": "Team", "organisation": "Organisation"}[by]
    return pd.DataFrame(
        {
            label: frame[by],
            "Reps": frame["reps"],
            "One-on-ones held": [
                f"{a} of {r} ({percent(s)})"
                for a, r, s in zip(
                    frame["one_on_ones"], frame["reps"], frame["one_on_ones_held"], strict=True
                )
            ],
            f"Agendas per rep ({weeks} wks)": frame["agendas_per_rep"].map(number),
            "Commitments followed up": [
                f"{f} of {d} ({percent(s)})"
                for f, d, s in zip(
                    frame["commitments_followed_up"],
                    frame["commitments_due"],
                    frame["followed_up_share"],
                    strict=True,
                )
            ],
            "Flags opened / acknowledged / resolved": [
                f"{o} / {a} / {r}"
                for o, a, r in zip(
                    frame["flags_opened"], frame["flags_acknowledged"], frame["flags_resolved"], strict=True
                )
            ],
            "Flags open": frame["flags_open"],
            "Median weeks open": frame["median_weeks_open"].map(number),
            "Recognition to correction": frame["recognition_balance"].map(ratio),
            "Coaching effectiveness": [
                f"{r} of {j} ({percent(s)})"
                for r, j, s in zip(
                    frame["focus_areas_recovered"],
                    frame["focus_areas_judged"],
                    frame["coaching_effectiveness"],
                    strict=True,
                )
            ],
            "Weekly reviews held": [
                f"{r} of {t} wks ({percent(s)})"
                for r, t, s in zip(
                    frame["team_weeks_reviewed"], frame["team_weeks"], frame["reviews_held"], strict=True
                )
            ],
        }
    )


def review_table(reviews: pd.DataFrame) -> pd.DataFrame:
    """Teams (alphabetical) by week: "✓ held", or what was missing ("○ no agenda", "○ exports not in")."""

    def cell(row: pd.Series) -> str:
        if row["reviewed"]:
            return "✓ held"
        checks = ((row["exports_in"], "exports not in"), (row["agenda_saved"], "no agenda"))
        missing = [text for ok, text in checks if not ok]
        return "○ " + ", ".join(missing)

    if reviews.empty:
        return pd.DataFrame(columns=["Team"])
    cells = reviews.assign(cell=reviews.apply(cell, axis=1))
    grid = cells.pivot(index="team", columns="week", values="cell")
    grid = grid.reindex(sorted(grid.index, key=str.lower))
    grid.columns = [f"{w:%d %b}" for w in grid.columns]
    return grid.fillna("–").rename_axis("Team").reset_index()


def rep_display(table: pd.DataFrame, weeks: int = DEFAULT_WEEKS) -> pd.DataFrame:
    """`rep_table` as the page shows it."""
    return pd.DataFrame(
        {
            "rep": table["rep"],
            "Manager": table["manager"],
            "Agenda this week": table["agenda_this_week"].map({True: "✓ saved", False: "–"}),
            f"Agendas prepared ({weeks} wks)": table["agendas_prepared"],
            "Open flags": table["open_flags"],
            "Commitments followed up": [
                f"{f} of {d}"
                for f, d in zip(table["commitments_followed_up"], table["commitments_due"], strict=True)
            ],
            "Recognition to correction": [
                ratio(_share(r, f))
                for r, f in zip(table["recognition_items"], table["focus_items"], strict=True)
            ],
        }
    )


SUMMARY_HELP: dict[str, str] = {
    "One-on-ones held": "one_on_ones_held",
    "Commitments followed up": "commitments_followed_up",
    "Flags open": "flags_open",
    "Median weeks open": "median_weeks_open",
    "Recognition to correction": "recognition_balance",
    "Coaching effectiveness": "coaching_effectiveness",
    "Weekly reviews held": "reviews_held",
}  # column of `summary_table` -> leader measure whose definition explains it
