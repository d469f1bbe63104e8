"""For a signed-in user the users table does not know: whom to ask, and no data."""

import streamlit as st

from dashboard import access
from pages._shared import ensure_frame, get_database

ensure_frame()
st.title("Sales accountability coaching")
st.text(f"You are signed in as {st.user.get('email')}, which has no access to any team yet.")
ask = ", ".join(access.leaders(get_database())) or "your sales leader"
st.text(f"Ask {ask} to add you on the Admin page (or with `dashboard users add`).")
st.button("Sign out", on_click=st.logout, key="app_logout")
