"""The bundled sample company, loaded through the normal ingest path.

The default (52 weeks, seed 7) loads the committed files in `sample_data/`;
other weeks or seeds regenerate the exports with `sample_data/generator.py`
into a temporary folder first. Loading twice is harmless: the second time
every file is a duplicate. `seed_coaching` then records a coaching history
(agendas, commitments, follow-ups, focus areas, flags) through the same
functions the app uses, so the leader view has something to show.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pandas as pd

from dashboard import coaching, db, interventions, leader, metrics, roster, targets, team_view
from dashboard.access import LOCAL_LEADER, Viewer
from dashboard.ingest import IngestOptions, IngestResult, batch, ingest_file

SAMPLE_DIR = db.ROOT / "sample_data"
DEFAULT_WEEKS = 52
DEFAULT_SEED = 7
# Ingest order: who the reps are and what is expected first, then the activity.
SAMPLE_FILES = (
    "roster.csv",
    "targets.csv",
    "target_accounts.csv",
    "salesforce_activities.csv",
    "hubspot_activities.csv",
    "salesforce_opportunities.csv",
    "hubspot_deals.csv",
)


def generator() -> ModuleType:
    """The sample generator module (it lives beside the data, not in the package)."""
    if "sample_generator" in sys.modules:
        return sys.modules["sample_generator"]
    spec = importlib.util.spec_from_file_location("sample_generator", SAMPLE_DIR / "generator.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["sample_generator"] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def load(
    database: db.Database,
    weeks: int = DEFAULT_WEEKS,
    seed: int = DEFAULT_SEED,
    *,
    viewer: Viewer = LOCAL_LEADER,
) -> list[IngestResult]:
    """Ingests the sample exports, one upload per file, as `viewer` (a roster among them: a leader)."""
    if (weeks, seed) == (DEFAULT_WEEKS, DEFAULT_SEED):
        return _ingest_all(database, [SAMPLE_DIR / name for name in SAMPLE_FILES], viewer)
    with tempfile.TemporaryDirectory(prefix="sample-") as folder:
        paths = generator().generate(Path(folder), weeks=weeks, seed=seed)
        return _ingest_all(database, paths, viewer)


def _ingest_all(database: db.Database, paths: list[Path], viewer: Viewer) -> list[IngestResult]:
    results = [ingest_file(database, path, IngestOptions(), viewer=viewer) for path in paths]
    batch.settle(database, results)
    return results


# --- a coaching history for the sample company ---------------------------------------------------

COACHING_WEEKS = 8  # weeks of one-on-ones recorded, ending the week before the latest
LAPSED_WEEKS = 3  # the last team (alphabetically) holds no one-on-ones in its last 3 weeks
FOCUS_WEEKS = 4  # focus areas are agreed in the first 4 weeks, so their recovery can be judged
FLAG_REVIEW_WEEKS_AGO = 4  # a flag raised this many weeks before the latest is acknowledged
FOLLOW_UP_CYCLE = ("done", "done", "partly", "not_yet")


@dataclass(frozen=True)
class CoachingSeed:
    """What `seed_coaching` recorded, and the two situations it sets up for the leader view."""

    weeks: tuple[dt.date, ...]
    lapsed_team: str
    unfollowed_manager: str
    agendas: int
    commitments: int
    follow_ups: int
    focus_areas: int
    flags_acknowledged: int


def _agenda_body(rep: str, week: dt.date, rows: list[dict], focus: list[dict], due: dt.date) -> str:
    """A short saved agenda in the product's order, every figure taken from `rows` (the rep's week)."""
    lines = [f"# One-on-one with {rep}, week of {week:%d %b %Y}", "", "## Recognition"]
    met = [r for r in rows if r["status"] == "met"]
    for row in met[:3]:
        entry = metrics.metric(row["metric"])
        lines.append(f"- {entry.label}: {entry.format(row['value'])} against {entry.format(row['target'])}.")
    if not met:
        lines.append("- Thank you for the work logged this week.")
    lines += ["", "## Results against the expectations"]
    for row in rows:
        entry = metrics.metric(row["metric"])
        lines.append(
            f"- {entry.label}: {entry.format(row['value'])} of {entry.format(row['target'])} "
            f"· {team_view.STATUS_TEXT[row['status']]}"
        )
    if focus:
        lines += ["", "## Focus"]
        for row in focus:
            entry = metrics.metric(row["metric"])
            lines.append(
                f"- {entry.label}: work towards {entry.format(row['target'])} a week by {due:%d %b %Y}."
            )
    return "\n".join(lines) + "\n"


def seed_coaching(database: db.Database) -> CoachingSeed | None:
    """Records a deterministic coaching history through the coaching and intervention functions.

    Over the `COACHING_WEEKS` weeks before the latest (whose one-on-ones are still to prepare)
    every rep gets a saved agenda each week, except the
    last team (alphabetically), whose one-on-ones stop for the final `LAPSED_WEEKS` weeks.
    Reps under an expectation make a commitment every other week, followed up at the next
    one-on-one, except by the manager of the second team, who leaves them open. Focus areas
    are agreed in the first weeks; flags are refreshed for an earlier week and the latest one,
    and one flag is acknowledged. Does nothing (returns None) when coaching records exist.
    """
    if int(database.run("coaching_record_count").iloc[0, 0]):
        return None
    latest = roster.latest_week(database)
    if latest is None:
        return None
    last_held = latest - dt.timedelta(weeks=1)  # this week's one-on-ones are still to prepare
    weeks = tuple(last_held - dt.timedelta(weeks=COACHING_WEEKS - 1 - i) for i in range(COACHING_WEEKS))
    reps = database.run("leader_rep_weeks", from_week=weeks[0], to_week=latest, teams=None)
    if reps.empty:
        return None
    reps["week"] = pd.to_datetime(reps["week"]).dt.date
    team_names = sorted(set(reps["team"]), key=str.lower)
    managers = {t: str(reps.loc[reps["team"] == t, "manager"].mode().iloc[0]) for t in team_names}
    lapsed_team = team_names[-1]
    unfollowed_manager = managers[team_names[1 % len(team_names)]]
    lapse_from = latest - dt.timedelta(weeks=LAPSED_WEEKS - 1)
    values = metrics.weekly_metrics(database, weeks[0], latest)
    goals = targets.weekly_targets(database, weeks[0], latest)
    judged = leader.judged(values, goals)
    order = {name: i for i, name in enumerate(team_view.KEY_METRICS)}
    judged = judged.assign(order=judged["metric"].map(order).fillna(len(order)))
    judged = judged.sort_values(["rep", "week", "order", "metric"])
    by_rep_week: dict[tuple[str, dt.date], list[dict]] = {}
    for record in judged.to_dict(orient="records"):
        by_rep_week.setdefault((record["rep"], record["week"]), []).append(record)
    rep_index = {rep: i for i, rep in enumerate(sorted(set(reps["rep"]), key=str.lower))}
    pending: dict[str, list[int]] = {}
    focused: set[str] = set()
    counts = {"agendas": 0, "commitments": 0, "follow_ups": 0, "focus_areas": 0}
    for i, week in enumerate(weeks):
        this_week = reps[reps["week"] == week].sort_values("rep", key=lambda s: s.str.lower())
        for row in this_week.itertuples():
            if row.team == lapsed_team and week >= lapse_from:
                continue
            manager = row.manager if isinstance(row.manager, str) else "demo"
            rows = by_rep_week.get((row.rep, week), [])
            focus = [r for r in rows if r["status"] != "met"][:2]
            next_review = week + dt.timedelta(weeks=2)  # the 1:1 after next, as the agenda drafts it
            for k, commitment_id in enumerate(pending.pop(row.rep, [])):
                if manager != unfollowed_manager:
                    status = FOLLOW_UP_CYCLE[(i + k + rep_index[row.rep]) % len(FOLLOW_UP_CYCLE)]
                    coaching.follow_up(database, commitment_id, status, week, manager)
                    counts["follow_ups"] += 1
            coaching.save_agenda(
                database,
                row.rep,
                week,
                _agenda_body(row.rep, week, rows, focus, next_review),
                manager,
                recognition_items=min(3, sum(r["status"] == "met" for r in rows)),
                focus_items=len(focus),
            )
            counts["agendas"] += 1
            if focus and (i + rep_index[row.rep]) % 2 == 0:
                label = metrics.metric(focus[0]["metric"]).label
                text = f"{label}: set aside time for it every working day until the next review"
                pending[row.rep] = [
                    coaching.add_commitment(database, row.rep, week, text, next_review, manager)
                ]
                counts["commitments"] += 1
            if focus and i < FOCUS_WEEKS and row.rep not in focused:
                entry = metrics.metric(focus[0]["metric"])
                expectation = f"{entry.format(focus[0]['target'])} a week"
                due = week + dt.timedelta(weeks=leader.RECOVERY_WEEKS + 1)  # four weeks after the meeting
                coaching.add_focus_area(database, row.rep, week, entry.name, expectation, due, manager)
                focused.add(row.rep)
                counts["focus_areas"] += 1
    acknowledged = _seed_flags(database, latest, reps, unfollowed_manager)
    return CoachingSeed(weeks, lapsed_team, unfollowed_manager, flags_acknowledged=acknowledged, **counts)


def _seed_flags(database: db.Database, latest: dt.date, reps: pd.DataFrame, unfollowed_manager: str) -> int:
    """Acknowledges, in the latest week, the first slump flag raised some weeks earlier of a rep whose
    manager follows up, if it is still open (the flags themselves were stored as the files loaded)."""
    earlier = interventions.evaluate(database, latest - dt.timedelta(weeks=FLAG_REVIEW_WEEKS_AGO))
    following = set(reps.loc[reps["manager"] != unfollowed_manager, "rep"])
    candidates = [f.rep for f in earlier if f.rep in following and f.kind == "slump"]
    if not candidates:
        return 0
    try:
        interventions.acknowledge(
            database,
            candidates[0],
            "Discussed in the one-on-one; agreed a focus area.",
            by="demo",
            week=latest,
        )
    except LookupError:  # the flag had closed by then
        return 0
    return 1
