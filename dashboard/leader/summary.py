"""The coaching measures summed up per organisation, manager or team, the weekly review per team, and a
team's reps with their records. Tables are alphabetical: the view describes the system, not a ranking."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.leader.measures import GROUPINGS, ORGANISATION
from dashboard.leader.records import CoachingRecords
from dashboard.metrics import positions


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

    places: dict[int, np.ndarray] = {}

    def place(frame: pd.DataFrame) -> np.ndarray:
        """Each row's position in `index` (-1 outside it), found once per frame."""
        if id(frame) not in places:
            places[id(frame)] = positions(_grouped(frame, by)[by], index)
        return places[id(frame)]

    def count(frame: pd.DataFrame, mask: pd.Series | None = None) -> pd.Series:
        at = place(frame)
        kept = at[(at >= 0) & (True if mask is None else np.asarray(mask, dtype=bool))]
        return pd.Series(np.bincount(kept, minlength=len(index)), index=index)

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


def summary_row_empty() -> pd.Series:
    """A summary row of zeros (no reps in scope)."""
    counts = ["reps", "one_on_ones", "agendas", "commitments_due", "commitments_followed_up",
              "flags_opened", "flags_acknowledged", "flags_resolved", "flags_open", "recognition_items",
              "focus_items", "focus_areas_judged", "focus_areas_recovered", "team_weeks",
              "team_weeks_reviewed"]  # fmt: skip
    shares = ["one_on_ones_held", "agendas_per_rep", "followed_up_share", "median_weeks_open",
              "recognition_balance", "coaching_effectiveness", "reviews_held"]  # fmt: skip
    return pd.Series({**dict.fromkeys(counts, 0), **dict.fromkeys(shares, np.nan)})
