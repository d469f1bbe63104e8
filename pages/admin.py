"""Admin page (leaders only): who may use the app, their role and teams."""

import streamlit as st

from dashboard import access
from pages._shared import get_database, require_leader, show_table

viewer = require_leader()
database = get_database()
st.title("Users and access")
st.caption(
    "A manager sees the reps of their own teams; a leader sees everything. "
    "Without an identity provider configured, the app runs as one local leader."
)
if message := st.session_state.pop("admin_message", None):
    st.success(message)

users = access.list_users(database)
if users.empty:
    st.info("No users yet. Add the first leader below.")
else:
    shown = users.assign(teams=users["teams"].map(lambda t: ", ".join(t)))
    show_table(shown, hide_index=True, width="stretch")

with st.form("admin_user", clear_on_submit=True):
    st.subheader("Add or update a user")
    email = st.text_input("E-mail", key="admin_email")
    name = st.text_input("Name", key="admin_name")
    role = st.selectbox("Role", access.ROLES, key="admin_role")
    teams = st.multiselect("Teams (managers)", access.known_teams(database), key="admin_teams")
    if st.form_submit_button("Save user"):
        try:
            saved = access.save_user(database, email, role, teams, name or None, viewer=viewer)
        except (access.AccessError, access.NotAllowed) as exc:
            st.error(str(exc))
        else:
            st.session_state["admin_message"] = f"Saved {saved.email} as {saved.role}."
            st.rerun()

if not users.empty:
    with st.form("admin_remove"):
        st.subheader("Remove a user")
        gone = st.selectbox("User", users["email"].tolist(), key="admin_remove_email")
        if st.form_submit_button("Remove"):
            try:
                access.remove_user(database, gone, viewer=viewer)
            except access.NotAllowed as exc:
                st.error(str(exc))
            else:
                st.session_state["admin_message"] = f"Removed {gone}."
                st.rerun()
