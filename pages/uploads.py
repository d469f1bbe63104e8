"""Uploads page: the history of files loaded (a manager: their own), who loaded and undid each, and undo;
for a leader, the names of the exports the roster does not carry and which roster rep each is."""

import streamlit as st

from dashboard import uploads
from dashboard.access import NotAllowed
from dashboard.wording import count
from pages import _names_section
from pages._shared import csv_download, get_database, require_viewer, show_table

viewer = require_viewer()
database = get_database()
st.title("Uploads")
if viewer.is_leader:
    st.caption("Every file ever loaded, newest first. Undo removes everything one upload added.")
else:
    st.caption(
        "The files you loaded, newest first. Undo removes everything one upload added; "
        "a sales leader can undo anyone's upload."
    )

if message := st.session_state.pop("uploads_message", None):
    st.success(message)

history = uploads.list_uploads(database, viewer)
if history.empty:
    st.info("No uploads yet.")
    st.page_link("pages/upload.py", label="Upload this week's exports", icon=":material/upload_file:")
    st.stop()

show_table(
    history[list(uploads.HISTORY_LABELS)].rename(columns=uploads.HISTORY_LABELS),
    hide_index=True,
    width="stretch",
    placeholder="",  # an upload not undone: no 'None' under Undone
    column_config={
        "Uploaded": st.column_config.DatetimeColumn(format="D MMM YYYY, HH:mm"),
        "Undone": st.column_config.DatetimeColumn(format="D MMM YYYY, HH:mm"),
    },
)
csv_download("Download the upload history", history, "uploads.csv", key="uploads_history_csv")

names = dict(
    zip(
        history["upload_id"],
        history["file_name"] + " · " + history["kind"] + " · " + history["status"],
        strict=True,
    )
)
chosen = st.selectbox("Upload", list(names), format_func=lambda i: f"#{i} · {names[i]}", key="uploads_pick")
row = history.set_index("upload_id").loc[chosen]
st.caption(f"Loaded by {row['uploaded_by'] or 'unknown'} on {row['uploaded_at']:%Y-%m-%d %H:%M}.")

rejected = uploads.rejected_rows(database, int(chosen), viewer)
if rejected.empty:
    st.caption("No rejected rows in this upload.")
else:
    st.caption(f"{len(rejected):,} rejected cells (row numbers as your spreadsheet shows them):")
    show_table(rejected.rename(columns=str.capitalize), hide_index=True, width="stretch")
    csv_download(
        "Download rejected rows", rejected, f"rejected-rows-upload-{chosen}.csv", key="uploads_rejected_csv"
    )

if row["status"] == "loaded":
    confirm = st.checkbox(f"Yes, remove everything upload #{chosen} added", key=f"uploads_confirm_{chosen}")
    if st.button(
        "Undo this upload",
        icon=":material/undo:",
        disabled=not confirm,
        help=None if confirm else "Tick the box above first: undo removes every row this upload added.",
        key="uploads_undo",
    ):
        try:
            removed = uploads.undo(database, int(chosen), viewer)
        except (NotAllowed, uploads.UndoError) as exc:
            st.error(str(exc))
        else:
            st.session_state["uploads_message"] = f"Upload #{chosen} undone: {count(removed, 'row')} removed."
            st.rerun()
else:
    undone_by = row["undone_by"] or "unknown"
    st.caption(f"Upload #{chosen} was undone on {row['undone_at']:%Y-%m-%d %H:%M} by {undone_by}.")

if viewer.is_leader:  # like the roster, which rep a name is decides what every manager sees
    st.divider()
    _names_section.draw(viewer)
