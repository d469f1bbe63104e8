"""Sign-in page: all a signed-out visitor has when login is configured."""

import streamlit as st

from pages._shared import ensure_frame

ensure_frame()
st.title("Sales accountability coaching")
st.write("Sign in with your company account to see your team.")
st.button("Sign in", on_click=st.login, type="primary", key="app_login")
