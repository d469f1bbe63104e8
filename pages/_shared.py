"""Page-layer helpers: the database handle, downloads and plain-text display.

The only place besides the pages that imports Streamlit. One database
handle per process (`st.cache_resource`); every call takes a fresh cursor.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.db import Database, database_path
from dashboard.export import safe_csv


@st.cache_resource(show_spinner=False)
def _open_database(path: str) -> Database:
    return Database(path)


def get_database() -> Database:
    """The process-wide database handle (same location rule as the CLI)."""
    return _open_database(str(database_path().resolve()))


def csv_download(label: str, frame: pd.DataFrame, file_name: str, key: str) -> None:
    """A download button for `frame` as spreadsheet-safe CSV."""
    st.download_button(label, safe_csv(frame), file_name=file_name, mime="text/csv", key=key)
