"""The time-off section (Targets page for leaders, Time off page for managers): list, add, remove.

Drawing only: `dashboard.time_off` checks who may change a rep's time off, refuses overlaps and
re-reviews the rep's stored flags.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import roster, time_off
from dashboard.access import NotAllowed, Viewer
from pages._shared import cached, get_database, plain, show_table

KEY = "time_off"  # widget keys and the session message start with this


def draw(viewer: Viewer) -> None:
    """Lists the time off of the reps the viewer may see, with a form to add and one to remove."""
    st.caption(
        "No early-intervention flag is raised for a week a rep spends on time off. Adding or "
        "removing a period reviews that rep's stored flags again from its first week."
    )
    if message := st.session_state.pop(f"{KEY}_message", None):
        st.success(message)
    teams = viewer.allowed_teams
    reps = cached(roster.list_reps, teams)
    if reps.empty:
        st.caption("No reps yet: load a roster first.")
        return
    recorded = cached(time_off.list_time_off, teams=teams)
    if recorded.empty:
        st.caption("No time off recorded.")
    else:
        shown = recorded.drop(columns="time_off_id").rename(  # the id is the CLI's handle, not the reader's
            columns={"date_from": "from", "date_to": "to", "note": "reason"}
        )
        show_table(shown.fillna(""), hide_index=True, width="stretch", placeholder="")
    database = get_database()
    with st.form(f"{KEY}_add_form", clear_on_submit=True):
        left, middle, right = st.columns(3)
        rep = left.selectbox("Rep", reps["rep"].tolist(), key=f"{KEY}_rep")
        today = dt.date.today()
        first = middle.date_input("From", value=today, key=f"{KEY}_from")
        last = right.date_input("To", value=today, key=f"{KEY}_to")
        reason = st.text_input("Reason (optional)", key=f"{KEY}_reason", placeholder="holiday, training …")
        if st.form_submit_button("Add time off", icon=":material/beach_access:"):
            try:
                period = time_off.add(database, rep, first, last, reason, viewer=viewer)
            except (time_off.TimeOffError, roster.UnknownRep, NotAllowed) as exc:
                st.error(plain(str(exc)))
            else:
                st.session_state[f"{KEY}_message"] = plain(f"Time off recorded: {period.described}.")
                st.rerun()
    if not recorded.empty:
        periods = {int(r.time_off_id): time_off.Period(
            int(r.time_off_id), r.rep, r.date_from, r.date_to, r.note if isinstance(r.note, str) else None
        ).described for r in recorded.itertuples()}  # fmt: skip
        left, right = st.columns([3, 1])
        gone = left.selectbox(
            "Remove time off", list(periods), format_func=periods.get, key=f"{KEY}_remove_id"
        )
        right.write("")  # lines the button up with the box
        if right.button("Remove", icon=":material/delete:", key=f"{KEY}_remove"):
            try:
                period = time_off.remove(database, int(gone), viewer=viewer)
            except (time_off.TimeOffError, NotAllowed) as exc:
                st.error(plain(str(exc)))
            else:
                st.session_state[f"{KEY}_message"] = plain(f"Time off removed: {period.described}.")
                st.rerun()
