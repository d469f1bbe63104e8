"""The app's frame: page config, navigation, and the sidebar every page shares."""

import streamlit as st

from dashboard import roster
from pages._shared import cached, get_database

st.set_page_config(page_title="Sales accountability", page_icon=":material/insights:", layout="wide")

database = get_database()
latest = cached(roster.latest_week)
has_data = latest is not None

page = st.navigation(
    [
        st.Page("pages/team.py", title="Team", icon=":material/groups:", default=has_data),
        st.Page("pages/rep.py", title="Rep", icon=":material/person:"),
        st.Page("pages/agenda.py", title="Agenda", icon=":material/event_note:"),
        st.Page("pages/targets.py", title="Targets", icon=":material/flag:"),
        st.Page("pages/leader.py", title="Leader view", icon=":material/monitoring:"),
        st.Page("pages/upload.py", title="Upload", icon=":material/upload_file:", default=not has_data),
        st.Page("pages/uploads.py", title="Uploads", icon=":material/history:"),
    ]
)

with st.sidebar:
    st.caption("Database")
    st.text(str(database.path))
    st.caption("Latest week with data")
    st.text(f"week of {latest:%a %d %b %Y}" if latest else "no data yet")

page.run()
