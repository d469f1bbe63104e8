"""The Monday digest: one manager's week at a glance, or the leader edition with every manager.

Per manager, recognition first (who met which expectations), then who may need
support early (the stored intervention flags with their evidence, and the reps
the rules could not judge yet for too little history: a week without flags is
no all-clear for them), who is under
which expectation and since when (the team page's statuses), commitments due
and the one-on-ones still to prepare. The leader edition adds the team-wide
accountability measures of the leader view. Nothing is computed twice: the
content comes from `interventions`, `team_view`, `leader` and the coaching
tables, and `dashboard.digest.render` writes it as Markdown or e-mail HTML.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from dashboard import db, interventions, leader, roster, team_view
from dashboard.metrics import BY_NAME, monday
from dashboard.rules import TooNew, evidence, history

EVIDENCE_SHOWN = 2  # evidence lines per flag in the digest; the Interventions page has them all
DUE_AHEAD_DAYS = 13  # commitments due by the Sunday of the week after (the week of the one-on-ones)
EDITIONS = ("manager", "leader")
LEADER_COLUMNS = (
    "Manager",
    "Reps",
    "One-on-ones held",
    "Commitments followed up",
    "Flags open",
    "Recognition to correction",
    "Weekly reviews held",
)  # columns of `leader.summary_table` the digest shows per manager


class UnknownManager(LookupError):
    """No manager of that name on the roster (among the teams the viewer may see)."""


@dataclass(frozen=True)
class Noted:
    """A stored (or, for an earlier week, evaluated) intervention flag as the digest tells it.

    Carries the fields `interventions.needs_attention` reads (rep, kind, week, severity)."""

    rep: str
    team: str | None
    week: dt.date
    severity: str
    kind: str  # slump | hygiene
    details: tuple[str, ...]


@dataclass(frozen=True)
class Support:
    """A rep who may need support early, with the first evidence lines."""

    rep: str
    team: str | None
    severity: str
    kind: str
    evidence: tuple[str, ...]
    more: int  # evidence lines not shown
    back_after: dt.date | None  # discussed in that week, still there, so it is back


@dataclass(frozen=True)
class Recognition:
    """What a rep met this week: weekly expectations (labels, out of `judged` weekly ones, the leader
    view's count) and the month, quarter or year counts whose pace they keep (`on_pace`)."""

    rep: str
    met: tuple[str, ...]
    judged: int
    on_pace: tuple[str, ...] = ()

    @property
    def all_met(self) -> bool:
        return bool(self.met) and len(self.met) == self.judged


@dataclass(frozen=True)
class Under:
    """One expectation a rep is under this week: the team page's cell ('1 of 3 · ○ below since …')."""

    rep: str
    expectation: str
    standing: str
    since: dt.date | None


@dataclass(frozen=True)
class Due:
    """A commitment due this week or the next, waiting for its follow-up."""

    rep: str
    text: str
    agreed_week: dt.date
    due_date: dt.date


@dataclass(frozen=True)
class Waiting:
    """Earlier commitments of a rep, past their due date, still waiting for a follow-up."""

    rep: str
    count: int
    since: dt.date  # the earliest due date


@dataclass(frozen=True)
class Prepare:
    """A one-on-one with no saved agenda for the week yet, and what to bring to it."""

    rep: str
    bring: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """One manager's part of the digest."""

    manager: str
    teams: tuple[str, ...]
    reps: int
    recognition: list[Recognition] = field(default_factory=list)
    support: list[Support] = field(default_factory=list)
    resting: list[str] = field(default_factory=list)  # reps whose acknowledged flag is resting
    too_new: list[TooNew] = field(default_factory=list)  # reps the rules could not judge yet
    hygiene: list[Support] = field(default_factory=list)
    under: list[Under] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)  # due this week or the next
    waiting: list[Waiting] = field(default_factory=list)  # past due, per rep
    prepare: list[Prepare] = field(default_factory=list)
    coaching: dict[str, str] = field(default_factory=dict)  # leader summary row (column -> text)

    @property
    def too_new_note(self) -> str:
        """The Interventions page's sentence naming the reps not judged yet ("" when there are none)."""
        return history.note(self.too_new)


@dataclass(frozen=True)
class Digest:
    """The Monday digest for one week: a manager's edition or the leader edition."""

    week: dt.date
    edition: str  # manager | leader
    title: str
    sections: list[Section]
    kpis: list[leader.Kpi]  # leader edition only
    notes: list[str]  # leader edition only
    managers: list[dict[str, str]]  # leader edition only: LEADER_COLUMNS per manager
    weeks: int = leader.DEFAULT_WEEKS
    missing: str | None = None  # why the week's early signals cannot be read (no activity logged)

    @property
    def due_by(self) -> dt.date:
        return self.week + dt.timedelta(days=DUE_AHEAD_DAYS)


def _on_team(people: pd.DataFrame, week: dt.date) -> pd.DataFrame:
    """The reps of `people` (`roster.list_reps`) who count in `week`: not those whose last day (`end_date`:
    the roster's, or the Sunday of a leaver's last week of work) is before it."""
    ends = pd.to_datetime(people["end_date"])
    return people[ends.isna() | (ends >= pd.Timestamp(week))]


def _sorted(names: Sequence[str]) -> list[str]:
    return sorted(names, key=str.lower)


def managers(database: db.Database, teams: Sequence[str] | None = None) -> list[str]:
    """The managers on the roster of the teams the viewer may see, alphabetically."""
    reps = roster.list_reps(database, teams)
    return _sorted(set(reps["manager"].dropna()))


def resolve_manager(database: db.Database, name: str, teams: Sequence[str] | None = None) -> str:
    """The manager's name as on the roster (case and surrounding spaces do not matter)."""
    known = managers(database, teams)
    wanted = name.strip().lower()
    for manager in known:
        if manager.lower() == wanted:
            return manager
    listed = ", ".join(known) if known else "none yet (ingest a roster with a manager column)"
    raise UnknownManager(f"no manager named {name!r} on the roster. Managers: {listed}.")


def _flags(
    database: db.Database, week: dt.date, teams: Sequence[str] | None
) -> tuple[list[Noted], list[TooNew]]:
    """The week's flags and the reps the rules could not judge yet, from one review of the week
    (`interventions.review`, one rules run for the whole digest). The flags are as stored at the
    upload when the week is the last one reviewed (the Interventions page's flags), else the
    review's (as the agenda drafts evaluate them); the reps too new are not stored, so they are
    always the review's."""
    reviewed = interventions.review(database, week, teams=teams)
    if interventions.last_review(database) == week:
        stored = interventions.flag_history(database, teams)
        current = stored[(stored["last_seen_week"] == week) & stored["resolved_week"].isna()]
        return [
            Noted(
                rep=row.rep,
                team=row.team if isinstance(row.team, str) else None,
                week=week,
                severity=row.severity,
                kind=row.kind,
                details=tuple(evidence.lines(_signals(row.signals))),
            )
            for row in current.itertuples()
        ], reviewed.too_new
    return [
        Noted(f.rep, f.team, f.week, f.severity, f.kind, tuple(evidence.lines(f.signals)))
        for f in reviewed.flags
    ], reviewed.too_new


def _signals(stored: str | list) -> list[dict]:
    return json.loads(stored) if isinstance(stored, str) else list(stored)


def _support(flag: Noted, back_after: dt.date | None) -> Support:
    shown = flag.details[:EVIDENCE_SHOWN]
    return Support(
        flag.rep, flag.team, flag.severity, flag.kind, shown, len(flag.details) - len(shown), back_after
    )


def build(
    database: db.Database,
    week: dt.date | None = None,
    *,
    manager: str | None = None,
    teams: Sequence[str] | None = None,
) -> Digest:
    """The digest for the week containing `week` (default: the latest complete week, `roster.default_week`).

    `manager`: that manager's edition (raises UnknownManager naming the known ones); None: the
    leader edition with every manager of `teams` (the teams the viewer may see; None: all).
    Raises LookupError when there is no data yet.
    """
    span = roster.data_span(database)
    if span is None:
        raise LookupError("no data yet: ingest this week's exports first")
    week = monday(week) if week else roster.default_week(database)  # not a week still in progress
    if not span[0] <= week <= span[1]:
        raise LookupError(
            f"no data for the week of {week:%d %b %Y}: the data covers the weeks of "
            f"{span[0]:%d %b %Y} to {span[1]:%d %b %Y}"
        )
    people = _on_team(roster.list_reps(database, teams), week)
    people = people.assign(manager=people["manager"].fillna(leader.NO_MANAGER))
    if manager is not None:
        manager = resolve_manager(database, manager, teams)
        people = people[people["manager"] == manager]
        scope = _sorted(set(people["team"].dropna()))
    else:
        scope = None if teams is None else list(teams)
    overview = leader.overview(database, week, teams=scope)
    attainment = team_view.team_overview(database, week, teams=scope).attainment
    flags, too_new = _flags(database, week, scope)
    missing = None if roster.has_activities(database, week) else roster.no_activity_message(week)
    due = database.run(
        "digest_commitments_due", week=week, due_by=week + dt.timedelta(days=DUE_AHEAD_DAYS), teams=scope
    )
    due["week"] = pd.to_datetime(due["week"]).dt.date
    due["due_date"] = pd.to_datetime(due["due_date"]).dt.date

    manager_of = dict(zip(people["rep"], people["manager"], strict=True))
    coaching = leader.summary_table(overview.managers, "manager", overview.weeks)
    coaching = coaching[[c for c in LEADER_COLUMNS if c in coaching.columns]]
    coaching_rows = {
        row["Manager"]: {k: str(v) for k, v in row.items()} for row in coaching.to_dict("records")
    }
    agendas = overview.records.agendas
    week_parts = _Parts(
        week=week,
        manager_of=manager_of,
        attainment=attainment,
        cases=interventions.needs_attention(database, flags),
        flags=flags,
        too_new=too_new,
        due=due,
        on_team=overview.records.reps,
        with_agenda=frozenset(agendas.loc[agendas["week"] == week, "rep"]),
    )
    names = [manager] if manager is not None else _sorted(set(people["manager"]))
    sections = [
        _section(name, people[people["manager"] == name], week_parts, coaching_rows.get(name, {}))
        for name in names
    ]
    if manager is not None:
        title = f"Monday digest for {manager}"
        return Digest(week, "manager", title, sections, [], [], [], overview.weeks, missing)
    scoped = (", ".join(_sorted(teams)) or "no teams") if teams is not None else None
    return Digest(
        week,
        "leader",
        f"Monday digest: {scoped}" if scoped else "Monday digest, leader edition",
        sections,
        overview.kpis,
        overview.notes,
        list(coaching_rows.values()),
        overview.weeks,
        missing,
    )


@dataclass(frozen=True)
class _Parts:
    """What the sections are cut from: the week's reads for every manager in scope."""

    week: dt.date
    manager_of: dict[str, str]  # rep -> manager (NO_MANAGER where none is recorded)
    attainment: pd.DataFrame  # team_view.attainment rows
    cases: list[tuple[Noted, dict | None]]  # interventions.needs_attention of `flags`
    flags: list[Noted]
    too_new: list[TooNew]  # the review's reps not judged yet (`rules.history`)
    due: pd.DataFrame  # digest_commitments_due rows
    on_team: pd.DataFrame  # reps on a team this week (leader coaching records)
    with_agenda: frozenset[str]  # reps with a saved agenda for the week

    def of(self, frame: pd.DataFrame, name: str) -> pd.DataFrame:
        """The rows of `frame` whose rep reports to `name`."""
        return frame[frame["rep"].map(self.manager_of) == name]


def _section(name: str, people: pd.DataFrame, parts: _Parts, coaching: dict[str, str]) -> Section:
    week = parts.week
    attainment, due = parts.of(parts.attainment, name), parts.of(parts.due, name)
    cases = [case for case in parts.cases if parts.manager_of.get(case[0].rep) == name]
    flags = [flag for flag in parts.flags if parts.manager_of.get(flag.rep) == name]
    section = Section(name, tuple(_sorted(set(people["team"].dropna()))), len(people), coaching=coaching)
    order = {metric: i for i, metric in enumerate(team_view.KEY_METRICS)}
    rows = attainment[attainment["status"].isin(["met", "near", "below"])]  # time off is not judged
    rows = rows.assign(order=rows["metric"].map(order)).sort_values(["order", "metric"])
    for rep, own in sorted(rows.groupby("rep"), key=lambda item: item[0].lower()):
        met = own[own["status"] == "met"]
        if not met.empty:
            weekly = own["basis"] == "week"  # as the leader view counts; period counts are paces
            labels = tuple(BY_NAME[m].label for m in met.loc[weekly[met.index], "metric"])
            paces = tuple(BY_NAME[m].label for m in met.loc[~weekly[met.index], "metric"])
            section.recognition.append(Recognition(rep, labels, int(weekly.sum()), paces))
        for row in own[own["status"].isin(["near", "below"])].to_dict(orient="records"):
            since = row["below_since"] if isinstance(row["below_since"], dt.date) else None
            section.under.append(Under(rep, BY_NAME[row["metric"]].label, team_view.describe(row), since))
    raised = {(flag.rep, flag.kind) for flag, _ in cases}
    for flag, ack in sorted(cases, key=lambda case: case[0].rep.lower()):
        target = section.support if flag.kind == "slump" else section.hygiene
        target.append(_support(flag, ack["week"] if ack else None))
    section.resting.extend(
        flag.rep
        for flag in sorted(flags, key=lambda f: f.rep.lower())
        if flag.kind == "slump" and (flag.rep, flag.kind) not in raised
    )
    section.too_new.extend(
        sorted((t for t in parts.too_new if parts.manager_of.get(t.rep) == name), key=lambda t: t.rep.lower())
    )
    upcoming = due[due["due_date"] >= week]
    for row in upcoming.itertuples():
        section.due.append(Due(row.rep, row.text, row.week, row.due_date))
    earlier = due[due["due_date"] < week].groupby("rep")["due_date"].agg(["size", "min"])
    for rep in _sorted(earlier.index):
        section.waiting.append(Waiting(rep, int(earlier.loc[rep, "size"]), earlier.loc[rep, "min"]))
    on_team = parts.on_team[parts.on_team["manager"] == name]
    support = {s.rep for s in section.support}
    under = pd.Series([u.rep for u in section.under]).value_counts()
    waiting = due["rep"].value_counts()
    for rep in _sorted(set(on_team["rep"]) - parts.with_agenda):
        bring = []
        if rep in support:
            bring.append("early-support notes")
        if waiting.get(rep, 0):
            count = int(waiting[rep])
            bring.append(f"{count} commitment{'s' if count != 1 else ''} to follow up")
        if under.get(rep, 0):
            count = int(under[rep])
            bring.append(f"{count} expectation{'s' if count != 1 else ''} to work on")
        section.prepare.append(Prepare(rep, tuple(bring)))
    return section
