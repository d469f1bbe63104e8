"""Targets page: edit the expectations and ramp plans (a save is an upload that can be undone);
record reps' time off."""

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import access, roster, target_edit, targets
from dashboard.metrics import BY_NAME, METRIC_NAMES
from pages import _time_off_section
from pages._shared import cached, edit_table, get_database, require_leader, show_table, viewer_teams

viewer = require_leader()

database = get_database()
st.title("Targets")
st.caption(
    "Clear, measurable expectations: metric, value, period and who they apply to (every team, one "
    "team's default, or one rep). Saving records an upload, so the Uploads page can undo it. "
    "Targets can also be loaded from a file on the Upload page."
)
if message := st.session_state.pop("targets_message", None):
    st.success(message)

current = cached(targets.current_targets)
before = st.session_state.get("targets_draft_base")
if before is None or not before.equals(current):  # the stored targets changed (a save, an undo, a file):
    draft = target_edit.for_editor(current[list(target_edit.COLUMNS)])  # other changes keep the edits
    for column in ("effective_from", "effective_to"):
        draft[column] = pd.to_datetime(draft[column])
    st.session_state["targets_draft"] = draft.reset_index(drop=True)
    st.session_state["targets_draft_base"] = current
    st.session_state["targets_draft_n"] = st.session_state.get("targets_draft_n", 0) + 1
draft = st.session_state["targets_draft"]

allowed = viewer_teams()
reps = cached(roster.list_reps, allowed)
teams = cached(access.known_teams)


def choices(first: str, known: list[str], column: str) -> list[str]:
    """`first` (a blank shown by name), the known names, then any the draft holds beyond them."""
    extra = sorted(
        {v for v in draft[column] if isinstance(v, str) and v != first} - set(known), key=str.lower
    )
    return [first, *known, *extra]


def show_problems(problems: list[target_edit.Problem]) -> None:
    st.error("Not saved: please fix the rows listed below.")
    rows = [
        {"row": p.row, "target": p.what, "column": target_edit.LABELS.get(p.column, p.column),
         "value": p.written, "problem": p.message}
        for p in problems
    ]  # fmt: skip
    show_table(pd.DataFrame(rows), hide_index=True, width="stretch")


edited = edit_table(
    draft,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    placeholder="",
    column_config={
        "metric": st.column_config.SelectboxColumn(
            "metric",
            width=250,  # pixels: the longest label, "Opportunities over $100k (count)", is read whole
            options=list(METRIC_NAMES),
            format_func=lambda m: BY_NAME[m].label_with_unit,
            required=True,
        ),
        "value": st.column_config.NumberColumn(
            "value",
            required=True,
            help="In the metric's unit: minutes, a count, a share from 0 to 1 (0.25 is 25%), an amount, "
            "a ratio.",
        ),
        "period": st.column_config.SelectboxColumn("period", options=list(targets.PERIODS), required=True),
        "team": st.column_config.SelectboxColumn(
            "team", options=choices(target_edit.EVERY_TEAM, teams, "team"), required=True
        ),
        "rep": st.column_config.SelectboxColumn(
            "rep", options=choices(target_edit.TEAM_DEFAULT, reps["rep"].tolist(), "rep"), required=True
        ),
        "effective_from": st.column_config.DateColumn("effective from", required=True),
        "effective_to": st.column_config.DateColumn(
            "effective to", help="Blank: until a later target starts."
        ),
    },
    key=f"targets_editor_{st.session_state['targets_draft_n']}",
)
if st.button("Save targets", icon=":material/save:", key="targets_save", type="primary"):
    problems = target_edit.validate(edited)
    if problems:
        show_problems(problems)
    else:
        upload_id = target_edit.save(database, edited, viewer=viewer)
        st.session_state["targets_message"] = (
            f"Targets saved as upload #{upload_id}; undo it on the Uploads page to go back."
        )
        st.rerun()

st.subheader("Suggest a target from a rep's own history")
latest = cached(roster.latest_week)
if reps.empty or latest is None:
    st.caption("No reps with data yet.")
else:
    left, right = st.columns(2)
    rep = left.selectbox("Rep", reps["rep"].tolist(), key="targets_rep")
    name = right.selectbox(
        "Metric", METRIC_NAMES, index=METRIC_NAMES.index("first_meetings"),
        format_func=lambda m: BY_NAME[m].label_with_unit, key="targets_metric",
    )  # fmt: skip
    hint = cached(target_edit.suggestion, rep, name, latest, teams=allowed)
    definition = BY_NAME[name]
    one, two = st.columns(2)
    one.metric("Suggested (80th percentile of the last 12 weeks)", definition.format(hint.suggested))
    two.metric(
        "Team default",
        definition.format(hint.team_default)
        + (f" per {hint.team_default_period}" if hint.team_default else ""),
    )
    with st.form("targets_add_form"):
        value = st.number_input(
            f"Weekly target for this rep: {definition.label_with_unit}",
            value=float(hint.suggested or 0.0),
            min_value=0.0,
            step=targets.countable_step(name),
            key=f"targets_add_value_{rep}_{name}",  # a box per rep and metric: it shows their suggestion
        )
        start = st.date_input("Effective from", value=latest + dt.timedelta(weeks=1), key="targets_add_from")
        if st.form_submit_button("Add to the table above (then save)"):
            row = {"metric": name, "value": value, "period": "week", "team": target_edit.EVERY_TEAM,
                   "rep": rep, "effective_from": pd.Timestamp(start), "effective_to": pd.NaT}  # fmt: skip
            st.session_state["targets_draft"] = pd.concat([edited, pd.DataFrame([row])], ignore_index=True)
            st.session_state["targets_draft_n"] += 1
            st.rerun()

st.subheader("Ramp plans for new hires")
st.caption(
    "In their first weeks a new rep is expected to reach a share of each target, rising in equal "
    "steps to the full target. A team's plan beats the company plan (every team)."
)
plans = cached(target_edit.ramp_plans_for_editor)
edited_plans = edit_table(
    plans,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    placeholder="",
    column_config={
        "team": st.column_config.SelectboxColumn(
            "team",
            options=[
                target_edit.EVERY_TEAM,
                *teams,
                *sorted(set(plans["team"]) - {target_edit.EVERY_TEAM, *teams}),
            ],
            required=True,
        ),
        "weeks": st.column_config.NumberColumn("weeks", min_value=1, step=1, required=True),
        "start_share": st.column_config.NumberColumn("start share", min_value=0.01, max_value=1.0),
    },
    key="targets_ramp_editor",
)
if st.button("Save ramp plans", icon=":material/save:", key="targets_ramp_save"):
    problems = target_edit.validate_ramp(edited_plans)
    if problems:
        show_problems(problems)
    else:
        target_edit.save_ramp(database, edited_plans, viewer=viewer)
        st.session_state["targets_message"] = "Ramp plans saved."
        st.rerun()

st.subheader("Time off")
_time_off_section.draw(viewer)
