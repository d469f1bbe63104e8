"""Editing targets and ramp plans in the app: validation, saving as an undoable upload.

A save is recorded like a file upload (kind "targets", source "app"): the
targets in force are marked `superseded_by` the new upload and the edited set
is inserted under it, so undoing that upload on the Uploads page restores the
previous targets. Validation messages name the row (as numbered on the page,
from 1, and by what it holds: metric, team, rep, start), the column and the
value as it was typed.

The page's tables show no blank cell as "None": a blank team reads
`EVERY_TEAM`, a blank rep `TEAM_DEFAULT` (`for_editor`), and both read as
blank again here.

Overlap: two rows of the same metric and scope (team, rep) overlap when they
start on the same day, or when the earlier one has an end date on or after
the later one's start. An earlier row without an end simply hands over to the
later one (the latest start in force wins).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, replace

import pandas as pd

from dashboard import db, metrics, roster, targets
from dashboard.access import LOCAL_LEADER, Viewer, require_leader
from dashboard.metrics import BY_NAME

COLUMNS = ("metric", "value", "period", "team", "rep", "effective_from", "effective_to")
FILE_NAME = "Targets page edit"
EVERY_TEAM = "(every team)"  # how the page shows a blank team: the company-wide target
TEAM_DEFAULT = "(team default)"  # how the page shows a blank rep: the team's target
_SHOWN_BLANK = {EVERY_TEAM, TEAM_DEFAULT}
LABELS = {"effective_from": "effective from", "effective_to": "effective to", "start_share": "start share"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an edited row."""

    row: int  # 1-based, as the page numbers them
    column: str
    value: object
    message: str
    what: str = ""  # what the row holds ("Calls, SMB West, from 2026-01-05"), to find it by

    @property
    def written(self) -> str:
        """The value as a person typed it: -5 (not -5.0), 2026-01-31, '(blank)'."""
        return written(self.value)

    @property
    def row_name(self) -> str:
        return f"Row {self.row}" + (f" ({self.what})" if self.what else "")

    def __str__(self) -> str:
        return f"{self.row_name}, {LABELS.get(self.column, self.column)} = {self.written}: {self.message}"


def written(value: object) -> str:
    """A cell's value as a person writes it, for messages."""
    if _blank(value):
        return "(blank)"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp | dt.datetime):
        return f"{pd.Timestamp(value).date()}"
    return str(value)


def _blank(value: object) -> bool:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return True
    return str(value).strip() == "" or str(value).strip() in _SHOWN_BLANK


def _what(row: dict) -> str:
    """What a target row holds, to find it by: 'Calls, SMB West, from 2026-01-05'."""
    name = row.get("metric")
    parts = [BY_NAME[name].label if name in BY_NAME else written(name)]
    parts.append(row.get("team") or "every team")
    if row.get("rep"):
        parts.append(row["rep"])
    try:
        start = _date(row.get("effective_from"))
    except (ValueError, TypeError):
        start = None
    if start is not None:
        parts.append(f"from {start}")
    return ", ".join(str(p) for p in parts)


def for_editor(frame: pd.DataFrame) -> pd.DataFrame:
    """Targets as the page's editor shows them: blank team and rep named, not None."""
    frame = frame.copy()
    frame["team"] = frame["team"].map(lambda v: EVERY_TEAM if _blank(v) else v).astype(object)
    frame["rep"] = frame["rep"].map(lambda v: TEAM_DEFAULT if _blank(v) else v).astype(object)
    return frame


def _date(value: object) -> dt.date | None:
    if _blank(value):
        return None
    return pd.Timestamp(value).date()


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """The editor's rows with blanks as None, names trimmed and dates as dates."""
    frame = frame.reindex(columns=list(COLUMNS)).reset_index(drop=True).copy()
    for column in ("metric", "period", "team", "rep"):
        frame[column] = pd.Series(
            [None if _blank(v) else str(v).strip() for v in frame[column]], index=frame.index, dtype=object
        )
    frame["period"] = pd.Series([v.lower() if v else v for v in frame["period"]], dtype=object)
    return frame


def validate(frame: pd.DataFrame) -> list[Problem]:
    """Every problem in the edited targets; an empty list means they can be saved."""
    frame = normalise(frame)
    problems: list[Problem] = []
    what: dict[int, str] = {}
    spans: dict[tuple, list[tuple[int, dt.date, dt.date | None]]] = {}
    for i, row in enumerate(frame.to_dict(orient="records"), start=1):
        what[i] = _what(row)
        name, value, period = row["metric"], row["value"], row["period"]
        if name not in BY_NAME:
            known = ", ".join(metrics.METRIC_NAMES)
            problems.append(Problem(i, "metric", name, f"unknown metric; known: {known}"))
        if period not in targets.PERIODS:
            problems.append(
                Problem(i, "period", period, f"period must be one of {', '.join(targets.PERIODS)}")
            )
        number = pd.to_numeric(value, errors="coerce") if not _blank(value) else float("nan")
        if pd.isna(number):
            problems.append(Problem(i, "value", value, "a number is needed"))
        elif number < 0:
            problems.append(Problem(i, "value", value, "a target cannot be negative"))
        elif name in BY_NAME and BY_NAME[name].unit == "share" and number > 1:
            problems.append(Problem(i, "value", value, "a share is between 0 and 1 (0.25 for 25 %)"))
        try:
            start, end = _date(row["effective_from"]), _date(row["effective_to"])
        except (ValueError, TypeError):
            problems.append(Problem(i, "effective_from", row["effective_from"], "not a date"))
            continue
        if start is None:
            problems.append(Problem(i, "effective_from", None, "a start date is needed"))
            continue
        if end is not None and end < start:
            problems.append(Problem(i, "effective_to", end, f"ends before it starts ({start})"))
        scope = (name, (row["team"] or "").lower(), (row["rep"] or "").lower())
        spans.setdefault(scope, []).append((i, start, end))
    for rows in spans.values():
        rows.sort(key=lambda r: r[1])
        for (i, start_i, end_i), (j, start_j, _) in itertools.combinations(rows, 2):
            if start_i == start_j or (end_i is not None and end_i >= start_j):
                problems.append(
                    Problem(
                        j, "effective_from", start_j,
                        f"overlaps row {i} (same metric and scope, {start_i} – {end_i or 'open'})",
                    )
                )  # fmt: skip
    problems = [replace(p, what=what.get(p.row, "")) for p in problems]
    return sorted(problems, key=lambda p: p.row)


def save(database: db.Database, frame: pd.DataFrame, *, viewer: Viewer = LOCAL_LEADER) -> int:
    """Replaces the targets in force with `frame` as one undoable upload by `viewer`; returns its id.

    Leaders only (NotAllowed otherwise). Raises ValueError listing the problems when `frame`
    does not validate.
    """
    require_leader(viewer, "change the targets")
    problems = validate(frame)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    rows = normalise(frame)
    rows["value"] = pd.to_numeric(rows["value"]).astype(float)
    rows["effective_from"] = pd.to_datetime(rows["effective_from"])
    rows["effective_to"] = pd.to_datetime(rows["effective_to"])
    stamp = f"{dt.datetime.now().isoformat()}\n{rows.to_csv(index=False)}"
    with database.transaction() as cur:
        upload_id = db.insert_with_id(
            cur, "upload_insert", file_name=FILE_NAME, sha256=hashlib.sha256(stamp.encode()).hexdigest(),
            kind="targets", source="app", file_format="app", mapping=None, uploaded_by=viewer.by,
        )  # fmt: skip
        replaced = db.execute(cur, "targets_supersede_all", upload_id=upload_id).fetchone()[0]
        cur.register("edited_targets", rows)
        db.execute(cur, "targets_insert_edited", upload_id=upload_id)
        cur.unregister("edited_targets")
        db.execute(
            cur, "upload_finish", upload_id=upload_id, rows_read=len(rows), rows_loaded=len(rows),
            rows_rejected=0, duplicates_skipped=0, rows_replaced=int(replaced),
        )  # fmt: skip
        db.execute(cur, "change_log_add", what="targets edited in the app", upload_id=upload_id, by=viewer.by)
    return int(upload_id)


def ramp_plans(database: db.Database) -> pd.DataFrame:
    """Ramp plans: team (blank: every team), weeks, start_share."""
    return database.run("ramp_plans_list")


def ramp_plans_for_editor(database: db.Database) -> pd.DataFrame:
    """`ramp_plans` as the page's editor shows them: a blank team reads `EVERY_TEAM`."""
    frame = ramp_plans(database)
    frame["team"] = frame["team"].map(lambda v: EVERY_TEAM if _blank(v) else v).astype(object)
    return frame


def validate_ramp(frame: pd.DataFrame) -> list[Problem]:
    """Problems in edited ramp plans (weeks a whole number > 0, start share in (0, 1], one per team)."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(frame.reset_index(drop=True).to_dict(orient="records"), start=1):
        weeks = pd.to_numeric(row.get("weeks"), errors="coerce")
        if pd.isna(weeks) or weeks < 1 or float(weeks) != int(weeks):
            problems.append(Problem(i, "weeks", row.get("weeks"), "a whole number of weeks, 1 or more"))
        share = pd.to_numeric(row.get("start_share"), errors="coerce")
        if pd.isna(share) or not 0 < share <= 1:
            problems.append(Problem(i, "start_share", row.get("start_share"), "a share above 0, at most 1"))
        team = "" if _blank(row.get("team")) else str(row["team"]).strip().lower()
        if team in seen:
            problems.append(Problem(i, "team", row.get("team"), f"row {seen[team]} has a plan for this team"))
        seen[team] = i
    names = {i: row.get("team") for i, row in enumerate(frame.reset_index(drop=True).to_dict("records"), 1)}
    return [replace(p, what="every team" if _blank(names[p.row]) else str(names[p.row])) for p in problems]


def save_ramp(database: db.Database, frame: pd.DataFrame, *, viewer: Viewer = LOCAL_LEADER) -> None:
    """Replaces the ramp plans with `frame` (leaders only). Raises ValueError listing problems."""
    require_leader(viewer, "change the ramp plans")
    problems = validate_ramp(frame)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    rows = frame.reset_index(drop=True)
    with database.transaction() as cur:
        db.execute(cur, "ramp_plans_clear")
        for row in rows.to_dict(orient="records"):
            team = None if _blank(row.get("team")) else str(row["team"]).strip()
            db.execute(
                cur,
                "ramp_plans_insert",
                team=team,
                weeks=int(row["weeks"]),
                start_share=float(row["start_share"]),
            )
        db.execute(cur, "change_log_add", what="ramp plans edited in the app", upload_id=None, by=viewer.by)


@dataclass(frozen=True)
class Suggestion:
    """A stretch target from the rep's own history beside the default that applies to their team."""

    metric: str
    rep: str
    suggested: float | None  # 80th percentile of the last 12 weeks, as it can be counted
    team_default: float | None
    team_default_period: str | None


def suggestion(
    database: db.Database, rep: str, name: str, week: dt.date, *, teams: list[str] | None = None
) -> Suggestion:
    """What the rep's last 12 weeks suggest for `name`, and the team (or company) default."""
    rep = roster.resolve_rep(database, rep, teams)
    start = week - dt.timedelta(weeks=targets.SUGGESTION_WEEKS - 1)
    values = metrics.weekly_metrics(database, start, week, teams=teams, rep=rep)
    reps = roster.list_reps(database, teams)
    team = reps.loc[reps["rep"] == rep, "team"].iloc[0] if (reps["rep"] == rep).any() else None
    current = targets.current_targets(database)
    day = pd.Timestamp(week)
    starts, ends = pd.to_datetime(current["effective_from"]), pd.to_datetime(current["effective_to"])
    current = current[
        (current["metric"] == name)
        & current["rep"].isna()
        & (current["team"].isna() | (current["team"].str.lower() == (team or "").lower()))
        & (starts <= day)
        & (ends.isna() | (ends >= day))
    ]
    current = current.assign(specific=current["team"].notna()).sort_values(["specific", "effective_from"])
    default = current.iloc[-1] if len(current) else None
    return Suggestion(
        metric=name,
        rep=rep,
        suggested=targets.countable(name, targets.suggest(values.sort_values("week")[name])),
        team_default=None if default is None else float(default["value"]),
        team_default_period=None if default is None else str(default["period"]),
    )
