"""Page-layer helpers: the database handle, cached data calls, downloads, who may see what.

The only place besides the pages that imports Streamlit. One database
handle per process (`st.cache_resource`); every call takes a fresh cursor.
Package functions are called through `cached`, keyed by the database file
and its version (which changes with every ingest, undo or edit), so a rerun
is instant and never shows stale numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import access
from dashboard.access import LOCAL_LEADER, Viewer
from dashboard.db import Database, DatabaseError, database_path, store_key
from dashboard.export import neutralize, neutralized, restored, safe_csv
from dashboard.metrics import BY_NAME

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _open_database(key: str, _location: object) -> Database:
    return Database(_location)


def get_database() -> Database:
    """The process-wide database handle (same location rule as the CLI: a file or a lake)."""
    location = database_path()
    return _open_database(store_key(location), location)


def repairs_to_tell() -> list[str]:
    """What the check on open repaired in this process: handed to the first session, which keeps
    it for its own reruns (the start page switches to Team at once, a rerun that would lose it)."""
    database = get_database()
    told, database.repairs = database.repairs, []
    return st.session_state.setdefault("repairs_told", told)


def auth_configured() -> bool:
    """True when `.streamlit/secrets.toml` configures an identity provider ([auth])."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: local mode
        return False


def current_viewer() -> Viewer | None:
    """The signed-in user mapped to the users table; the local leader without login; None if unknown."""
    if not auth_configured():
        return LOCAL_LEADER
    if not st.user.is_logged_in:
        return None
    return access.find_user(get_database(), st.user.get("email"))


def viewer_teams() -> list[str] | None:
    """Teams the current viewer may see; None means every team (a leader, or local mode)."""
    viewer = current_viewer()
    if viewer is None:
        return []  # nobody we know: nothing
    return viewer.allowed_teams


@st.cache_data(show_spinner=False, max_entries=256)
def _call(
    path: str, version: int, name: str, args: tuple, kwargs: dict, _func: Callable, _database: Database
):
    with _database.remembering(version):  # reads repeated by several cached calls run once
        return _func(_database, *args, **kwargs)


def store_name() -> str:
    """The store's file name, for the sidebar (not its full path)."""
    return get_database().path.name


_VERSION = "_data_version"  # (this run, writer turns the process had ended, the store's version)


def _this_run() -> object | None:
    """An object that lives exactly as long as this script run (the cursors Streamlit gives each
    run a new dict of), or None where there is none: then every call reads the version."""
    context = get_script_run_ctx()
    return getattr(context, "cursors", None) if context is not None else None


def _data_version(database: Database) -> int:
    """The store's version, read once per run (a lake asks its catalog for every read), and read
    again after a write of this process: a page that saves and then reads sees its own save."""
    run, remembered = _this_run(), st.session_state.get(_VERSION)
    if run is None or remembered is None or remembered[0] is not run or remembered[1] != database.turns_taken:
        turns = database.turns_taken  # before the read: a write ending meanwhile makes it read again
        remembered = (run, turns, database.version())
        st.session_state[_VERSION] = remembered
    return remembered[2]


def one_snapshot() -> AbstractContextManager[None]:
    """The page's reads in one snapshot (on a lake with a PostgreSQL catalog, one catalog
    transaction for the whole run; `dashboard/shared_reads.py`)."""
    return get_database().one_snapshot()


def cached(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`func(database, *args, **kwargs)`, cached on the database's path and version and the arguments.

    When the store stays busy past the wait (another process writing) or fails under the page,
    the page stops with the sentence that names the file and the holder, not Streamlit's
    redacted error."""
    database = get_database()
    name = f"{func.__module__}.{func.__qualname__}"
    try:
        return _call(str(database.path), _data_version(database), name, args, kwargs, func, database)
    except DatabaseError as exc:
        st.error(plain(str(exc)), icon=":material/database:")
        st.stop()


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """Text from a file or a user, escaped so that Streamlit's Markdown shows it as written."""
    return _MARKDOWN.sub(r"\\\1", text)


def csv_download(label: str, frame: pd.DataFrame | bytes, file_name: str, key: str) -> None:
    """A download button for `frame` as spreadsheet-safe CSV (bytes: `safe_csv` made already)."""
    data = frame if isinstance(frame, bytes) else safe_csv(frame)
    st.download_button(label, data, file_name=file_name, mime="text/csv", key=key)


def _safe_config(options: dict[str, Any], frame: pd.DataFrame | None = None) -> dict[str, Any]:
    """`column_config` / `column_order` keyed by the neutralized column names the table receives;
    a number column not configured otherwise is written with thousands separators (`1,250`)."""
    config = dict(options.get("column_config") or {})
    if frame is not None:
        for column in frame.columns:
            kind = frame[column].dtype
            if (
                column not in config
                and pd.api.types.is_numeric_dtype(kind)
                and not pd.api.types.is_bool_dtype(kind)
            ):
                config[column] = st.column_config.NumberColumn(format="localized")
    if config:
        options["column_config"] = {neutralize(k): v for k, v in config.items()}
    if options.get("column_order"):
        options["column_order"] = [neutralize(c) for c in options["column_order"]]
    return options


def show_table(frame: pd.DataFrame, **options: Any) -> None:
    """`st.dataframe` of the frame with formula-like text neutralized (`dashboard.export`).

    The table's toolbar can download it as CSV and copy cells to the clipboard; both carry what
    the table holds, so a cell from an uploaded file such as `=HYPERLINK(...)` reaches a
    spreadsheet as text. Numbers stay numbers. Pages show tables only through this (or
    `edit_table`); a test checks it."""
    st.dataframe(neutralized(frame), **_safe_config(options, frame))


def edit_table(frame: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """`st.data_editor` of the frame, neutralized as `show_table` is; returns the edited values as stored."""
    return restored(st.data_editor(neutralized(frame), **_safe_config(options)))


def link_values(name: str) -> list[str]:
    """Every value the page's URL gives for `name` (none when absent), for `dashboard.url_params`."""
    return st.query_params.get_all(name)


def link_warning(*problems: str | None) -> None:
    """Says, plainly, which link values were not used (from `dashboard.url_params`)."""
    for problem in problems:
        if problem:
            st.warning(plain(problem), icon=":material/link_off:")


def metric_tab(name: str) -> str:
    """A metric's tab label on the rep page, and its `rep_metric` link value (tab labels are
    Markdown, so the `$` of `$100k` is escaped: it must not open math)."""
    return BY_NAME[name].label.replace("$", "\\$")


def viewer_by() -> str:
    """Who is acting, as changes record it (`Viewer.by`: the e-mail, or 'local user' without login)."""
    viewer = current_viewer()
    return viewer.by if viewer else "unknown"


FRAMED = "app_framed"  # session state: the app's frame (streamlit_app.py) has run in this session


def ensure_frame() -> bool:
    """Leaves Streamlit's pages/-folder mode; True when this page ran outside the app's frame.

    Until some session of the server has called st.navigation, Streamlit runs a page opened by
    its URL straight from pages/, without the frame that decides who may open it: the first
    visitor after a restart would get it. This switches that mode off for the process
    (PagesManager.uses_pages_directory is Streamlit's own switch) and reruns a session the frame
    has not drawn yet, so that the frame routes it. A session it has drawn carries on (AppTest
    turns the mode on again for every run): the page's own guard decides.
    """
    if not getattr(PagesManager, "uses_pages_directory", False):
        return False
    PagesManager.uses_pages_directory = False
    if not st.session_state.get(FRAMED):
        st.rerun()
    return True


def require_viewer() -> Viewer:
    """The known viewer of this page; stops the page for anyone else (every data page calls it first)."""
    outside = ensure_frame()
    viewer = current_viewer()
    if viewer is None:
        if outside:
            st.rerun()  # the frame shows the sign-in page
        st.info("Please sign in first.")
        st.stop()
    return viewer


def require_leader() -> Viewer:
    """The viewer, a leader; stops the page for anyone else."""
    viewer = require_viewer()
    if not viewer.is_leader:
        st.info("This page is for sales leaders.")
        st.stop()
    return viewer
