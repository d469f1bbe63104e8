"""Upload page: load this week's exports, see what was kept, map unknown layouts once."""

import datetime as dt
from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import demo, uploads
from dashboard.ingest import IngestOptions, IngestResult, ingest_stream, profiles
from dashboard.ingest.detect import SOURCES, detect
from dashboard.ingest.schema import KINDS
from pages._shared import csv_download, get_database

NOT_IN_FILE = "(not in this file)"
DATE_ORDERS = {"decide per file": None, "month first (March 4)": False, "day first (3 April)": True}
STATUS = {
    "loaded": ":material/check_circle: **Loaded**",
    "duplicate": ":material/content_copy: **Already loaded: nothing changed**",
    "failed": ":material/error: **Not loaded: nothing from this file was kept**",
}

database = get_database()
st.title("Upload this week's exports")
st.caption(
    "Activity log, pipeline / opportunity list, roster, targets or target accounts, "
    "as CSV or Excel, exported from Salesforce, HubSpot, Pipedrive or a spreadsheet. "
    "Several files at once are fine; loading the same file twice changes nothing."
)
results: list[IngestResult] = st.session_state.setdefault("upload_results", [])

if uploads.list_uploads(database).empty:
    with st.container(border=True):
        st.markdown(
            "The database is empty. To look around first, load a sample company: "
            "24 reps in three teams, a year of activity and weekly pipeline snapshots."
        )
        if st.button("Load the sample company", icon=":material/science:", key="upload_demo"):
            with st.spinner("Loading the sample exports…"):
                st.session_state["upload_results"] = demo.load(database)
            with st.spinner("Recording a sample coaching history…"):
                demo.seed_coaching(database)
            st.rerun()

files = st.file_uploader(
    "CRM exports",
    type=["csv", "tsv", "txt", "xlsx", "xls"],
    accept_multiple_files=True,
    key="upload_files",
)
with st.expander("Options"):
    snapshot_date = st.date_input(
        "Snapshot date of pipeline files that have no 'as of' column",
        value=dt.date.today(),
        key="upload_snapshot_date",
    )
    date_order = st.radio(
        "Dates such as 03/04/2026 mean", list(DATE_ORDERS), horizontal=True, key="upload_date_order"
    )
options = IngestOptions(snapshot_date=snapshot_date, day_first=DATE_ORDERS[date_order])


def load(uploaded, load_options: IngestOptions) -> IngestResult:
    uploaded.seek(0)
    return ingest_stream(database, uploaded.name, uploaded, load_options)


if st.button("Load files", type="primary", disabled=not files, key="upload_go"):
    with st.spinner("Loading…"):
        st.session_state["upload_results"] = results = [load(f, options) for f in files]


def show_counts(result: IngestResult) -> None:
    columns = st.columns(4)
    columns[0].metric("Rows read", f"{result.rows_read:,}")
    columns[1].metric("Loaded", f"{result.rows_loaded:,}")
    columns[2].metric("Rejected", f"{result.rows_rejected:,}")
    columns[3].metric("Already stored", f"{result.duplicates_skipped:,}")
    if result.rows_rejected:
        st.caption("Rejected rows (row numbers as your spreadsheet shows them):")
        st.dataframe(pd.DataFrame(result.errors), hide_index=True, width="stretch")
        csv_download(
            "Download all rejected rows",
            uploads.rejected_rows(database, result.upload_id),
            file_name=f"rejected-rows-upload-{result.upload_id}.csv",
            key=f"upload_rejected_csv_{result.upload_id}",
        )


def mapping_form(index: int, result: IngestResult) -> None:
    """Lets the user say what each column holds; optionally remembered for next time."""
    detection = result.detection
    assert detection is not None
    headers = [h for h in detection.headers if h]
    st.markdown("**Map the columns.** Say what this file is and which column holds what.")
    kinds = list(KINDS)
    kind = st.selectbox(
        "This file is",
        kinds,
        index=kinds.index(detection.kind) if detection.kind else 0,
        format_func=lambda k: KINDS[k].label,
        key=f"upload_map_kind_{index}",
    )
    source = st.selectbox(
        "Exported from",
        SOURCES,
        index=SOURCES.index(detection.source) if detection.source in SOURCES else SOURCES.index("generic"),
        key=f"upload_map_source_{index}",
    )
    guess = detect(detection.headers, kind, source).mapping_by_header
    choices = [NOT_IN_FILE, *headers]
    mapping: dict[str, str] = {}
    columns = st.columns(3)
    for position, field in enumerate(KINDS[kind].fields):
        default = guess.get(field.name, NOT_IN_FILE)
        picked = columns[position % 3].selectbox(
            field.label + (" (required)" if field.required else ""),
            choices,
            index=choices.index(default) if default in choices else 0,
            key=f"upload_map_{index}_{kind}_{field.name}",
        )
        if picked != NOT_IN_FILE:
            mapping[field.name] = picked
    remember = st.checkbox(
        "Remember this mapping for files with the same columns",
        value=True,
        key=f"upload_map_remember_{index}",
    )
    if st.button("Load with this mapping", key=f"upload_map_go_{index}"):
        missing = [KINDS[kind].field(f).label for f in KINDS[kind].required if f not in mapping]
        uploaded = next((f for f in files or [] if f.name == result.file), None)
        if missing:
            st.error("Still needed: " + ", ".join(missing))
        elif uploaded is None:
            st.warning("Add the file to the upload box again, then press the button.")
        else:
            if remember:
                profiles.save(database, detection.headers, profiles.Profile(kind, source, mapping))
            mapped = replace(options, kind=kind, source=source, mapping=mapping)
            st.session_state["upload_results"][index] = load(uploaded, mapped)
            st.rerun()


for index, result in enumerate(results):
    with st.container(border=True):
        st.markdown(STATUS[result.status])
        st.text(result.message)
        if result.status == "loaded":
            show_counts(result)
        if result.status == "failed" and result.detection and any(result.detection.headers):
            mapping_form(index, result)
