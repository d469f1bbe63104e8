"""Time off page (managers; leaders find the same section on the Targets page)."""

import streamlit as st

from pages import _time_off_section
from pages._shared import require_viewer

viewer = require_viewer()
st.title("Time off")
_time_off_section.draw(viewer)
