"""The app's frame: who is using it, the navigation their role allows, and the shared sidebar.

st.navigation is called on every run, for everyone, so Streamlit's own listing of pages/
never takes over: a signed-out visitor's navigation holds only the sign-in page, a
signed-in user the users table does not know only the page saying whom to ask; no other
page is reachable, not even by its URL. Streamlit's sidebar menu is switched off
(.streamlit/config.toml) and the frame draws the viewer's pages itself.
"""

import streamlit as st

from dashboard import currency, roster
from dashboard.db import DatabaseError
from pages._shared import (
    FRAMED,
    auth_configured,
    cached,
    current_viewer,
    get_database,
    one_snapshot,
    plain,
    repairs_to_tell,
    store_name,
)

st.set_page_config(page_title="Sales accountability", page_icon=":material/insights:", layout="wide")
st.session_state[FRAMED] = True

try:
    database = get_database()
except DatabaseError as exc:  # a damaged, locked, unreadable or full store: say which file and what to do
    st.title("Sales accountability coaching")
    st.error(plain(str(exc)), icon=":material/database:")
    st.stop()
for repaired in repairs_to_tell():
    st.warning(f"The database was repaired when it opened: {repaired}", icon=":material/build:")
viewer = current_viewer()
if viewer is None:  # login is configured and this is nobody we know
    if st.user.is_logged_in:
        only = st.Page("pages/no_access.py", title="No access yet", icon=":material/lock:")
    else:
        only = st.Page("pages/sign_in.py", title="Sign in", icon=":material/login:")
    st.navigation([only], position="hidden").run()
    st.stop()


def _draw(viewer) -> None:
    """The navigation this viewer's role allows, the sidebar, and the chosen page."""
    currency.set_display(cached(currency.of_data))  # amounts in the pipeline's own currency
    latest = cached(roster.latest_week)
    has_data = latest is not None
    pages = [
        st.Page("pages/team.py", title="Team", icon=":material/groups:"),
        st.Page("pages/rep.py", title="Rep", icon=":material/person:"),
        st.Page("pages/interventions.py", title="Interventions", icon=":material/support:"),
        st.Page("pages/agenda.py", title="Agenda", icon=":material/event_note:"),
    ]
    if viewer.is_leader:
        pages += [
            st.Page("pages/leader.py", title="Leader view", icon=":material/monitoring:"),
            st.Page("pages/targets.py", title="Targets", icon=":material/flag:"),
        ]
    else:  # a leader records time off on the Targets page
        pages.append(st.Page("pages/time_off.py", title="Time off", icon=":material/beach_access:"))
    pages += [
        st.Page("pages/upload.py", title="Upload", icon=":material/upload_file:"),
        st.Page("pages/uploads.py", title="Uploads", icon=":material/history:"),  # a manager: their own
    ]
    if viewer.is_leader:
        pages.append(st.Page("pages/admin.py", title="Admin", icon=":material/manage_accounts:"))
    first = pages[0] if has_data else next(p for p in pages if p.url_path == "upload")

    def start() -> None:  # the app's root URL opens Team (Upload before any data), at its own path
        st.switch_page(first, query_params=st.query_params.to_dict())

    # Streamlit serves the default page at "/" only, so no listed page is the default: each keeps
    # its own path (/team, /rep, /interventions, /agenda, /targets, /leader, /upload …) for links
    # and bookmarks, and "/" goes to the first page by `start`.
    root = st.Page(start, title="Start", url_path="start", default=True, visibility="hidden")
    page = st.navigation([root, *pages], position="hidden")

    with st.sidebar:
        for listed in pages:
            st.page_link(listed)
        if auth_configured():
            st.caption("Signed in")
            st.text(f"{viewer.name} ({viewer.role})")
            if not viewer.is_leader:
                st.text("Teams: " + ", ".join(viewer.teams))
            st.button("Sign out", on_click=st.logout, key="app_sidebar_logout")
        st.caption("Database")
        st.text(store_name())  # the file's name: its folder is the server's business
        st.caption("Latest week with data")
        st.text(f"week of {latest:%a %d %b %Y}" if latest else "no data yet")

    with one_snapshot():  # the page's reads: one snapshot (a lake's catalog asked once)
        page.run()


try:
    _draw(viewer)
except DatabaseError as exc:  # the store stayed busy past the wait, or failed under a page: say so
    st.error(plain(str(exc)), icon=":material/database:")
