"""Upload page: load this week's exports, see what was kept and how it was read, answer what the app asks.

Every load and undo goes through dashboard functions with the viewer, which decide what a
manager may load (see dashboard.ingest.load); the page only says so up front."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import demo, uploads
from dashboard.ingest import IngestOptions, IngestResult, advice, batch, categories, ingest_stream, profiles
from dashboard.ingest.detect import JOIN, SOURCES, detect
from dashboard.ingest.schema import KINDS
from dashboard.ingest.statuses import STATUSES
from pages._shared import csv_download, get_database, plain, require_viewer, show_table

NOT_IN_FILE = "(not in this file)"
DATE_ORDERS = {"decide per file": None, "month first (March 4)": False, "day first (3 April)": True}
STATUS = {
    "loaded": ":material/check_circle: **Loaded**",
    "duplicate": ":material/content_copy: **Already loaded: nothing changed**",
    "failed": ":material/error: **Not loaded: nothing from this file was kept**",
}
CATEGORY_LABELS = {
    "call": "Call",
    "email": "E-mail",
    "meeting": "Meeting",
    "first_meeting": "First meeting",
    "prospecting": "Prospecting",
    "other": "Other",
}

viewer = require_viewer()
database = get_database()
st.title("Upload this week's exports")
st.caption(
    "Activity log, pipeline / opportunity list, roster, targets or target accounts, as CSV or Excel, "
    "exported from Salesforce, HubSpot, Pipedrive, Dynamics 365, Zoho, Freshsales, Close, Copper, Odoo "
    "(in English, Spanish, German, French or Portuguese) or a spreadsheet. Several files at once are "
    "fine; loading the same file twice changes nothing."
)
if not viewer.is_leader:
    st.info(
        "As a manager you load activity and pipeline exports for the reps of your teams; rows about "
        "other reps are listed as not loaded, with their name. Rosters, targets and target accounts "
        "are loaded by a sales leader.",
        icon=":material/info:",
    )
results: list[IngestResult] = st.session_state.setdefault("upload_results", [])

if viewer.is_leader and uploads.list_uploads(database).empty:
    with st.container(border=True):
        st.markdown(
            "The database is empty. To look around first, load a sample company: "
            "24 reps in three teams, a year of activity and weekly pipeline snapshots."
        )
        if st.button("Load the sample company", icon=":material/science:", key="upload_demo"):
            with st.spinner("Loading the sample exports…"):
                st.session_state["upload_results"] = demo.load(database, viewer=viewer)
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
        "Snapshot date of pipeline files that have no 'as of' column (empty: the latest date in the file)",
        value=None,
        key="upload_snapshot_date",
    )
    date_order = st.radio(
        "Dates such as 03/04/2026 mean", list(DATE_ORDERS), horizontal=True, key="upload_date_order"
    )
options = IngestOptions(snapshot_date=snapshot_date, day_first=DATE_ORDERS[date_order])


def uploaded_file(result: IngestResult):
    """The file of a result, still in the upload box (None once removed)."""
    return next((f for f in files or [] if f.name == result.file), None)


def load(uploaded, load_options: IngestOptions) -> IngestResult:
    uploaded.seek(0)
    return ingest_stream(database, uploaded.name, uploaded, load_options, viewer=viewer)


def reload(index: int, result: IngestResult, load_options: IngestOptions) -> None:
    """Loads a result's file again with other options (after undoing it, if it was stored)."""
    uploaded = uploaded_file(result)
    if uploaded is None:
        st.warning("Add the file to the upload box again, then press the button.")
        return
    if result.status == "loaded" and result.upload_id is not None:
        uploads.undo(database, result.upload_id, viewer)  # the viewer's own upload
    st.session_state["upload_results"][index] = load(uploaded, load_options)
    batch.settle(database, st.session_state["upload_results"])
    st.rerun()


if st.button("Load files", type="primary", disabled=not files, key="upload_go"):
    with st.spinner("Loading…"):
        st.session_state["upload_results"] = [load(f, options) for f in files]
        batch.settle(database, st.session_state["upload_results"])  # notes another file answers
    st.rerun()  # the sidebar and this page show the new data


def show_counts(result: IngestResult) -> None:
    columns = st.columns(4)
    columns[0].metric("Rows read", f"{result.rows_read:,}")
    columns[1].metric("Loaded", f"{result.rows_loaded:,}")
    columns[2].metric("Rejected", f"{result.rows_rejected:,}")
    columns[3].metric("Already stored", f"{result.duplicates_skipped:,}")
    if result.rows_rejected or result.warnings:
        st.caption(
            "Rows rejected, and cells left blank on kept rows (row numbers as your spreadsheet shows them):"
        )
        problems = [{**e, "outcome": "row rejected"} for e in result.errors]
        problems += [{**w, "outcome": "row kept, cell left blank"} for w in result.warnings]
        show_table(pd.DataFrame(problems).rename(columns=str.capitalize), hide_index=True, width="stretch")
        csv_download(
            "Download all rejected rows and blanked cells",
            uploads.rejected_rows(database, result.upload_id, viewer),
            file_name=f"rejected-rows-upload-{result.upload_id}.csv",
            key=f"upload_rejected_csv_{result.upload_id}",
        )


def category_panel(index: int, result: IngestResult) -> None:
    """How activities were categorized, and a form to say what an unrecognized type or title is."""
    counts = pd.DataFrame(
        [{"Category": CATEGORY_LABELS.get(c, c), "Activities": n} for c, n in result.categories.items()]
    )
    st.caption("How these activities were read")
    show_table(counts, hide_index=True)
    if result.uncategorized:
        st.caption("Commonest types and titles read as 'Other'")
        other = pd.DataFrame(result.uncategorized)
        other["field"] = other["field"].map(lambda f: categories.FIELDS.get(f, f))
        show_table(other.rename(columns=str.capitalize), hide_index=True)
    with st.expander("Say what a type or title means (remembered for this CRM)"):
        first = result.uncategorized[0] if result.uncategorized else {"field": "subject", "value": ""}
        fields = list(categories.FIELDS)
        field = st.selectbox(
            "Column",
            fields,
            index=fields.index(first["field"]),
            format_func=categories.FIELDS.get,
            key=f"upload_cat_field_{index}",
        )
        match = st.radio("Match", categories.MATCHES, horizontal=True, key=f"upload_cat_match_{index}")
        text = st.text_input("Value", value=str(first["value"]), key=f"upload_cat_text_{index}")
        category = st.selectbox(
            "Means",
            categories.CATEGORIES,
            format_func=CATEGORY_LABELS.get,
            key=f"upload_cat_category_{index}",
        )
        if st.button("Save and apply", key=f"upload_cat_go_{index}"):
            assignment = categories.Assignment(result.source or "generic", field, text, category, match)
            try:
                changed = categories.assign(database, assignment, by=viewer.by)
            except categories.BadAssignment as exc:
                st.error(str(exc))
            else:
                st.success(f"Saved: {changed:,} stored activities now read as {CATEGORY_LABELS[category]}.")


def snapshot_panel(index: int, result: IngestResult) -> None:
    """Confirms the date a pipeline without an 'as of' column was stored under, or changes it."""
    st.caption(f"Stored as the pipeline of {result.snapshot_date:%A %d %B %Y} (the latest date in the file).")
    other = st.date_input(
        "Another date for this snapshot", value=result.snapshot_date, key=f"upload_snap_{index}"
    )
    if st.button(
        "Store under this date instead", key=f"upload_snap_go_{index}", disabled=other == result.snapshot_date
    ):
        reload(index, result, replace(options, snapshot_date=other))


def stages_form(index: int, result: IngestResult) -> None:
    """Asks what each stage no rule knows means; the answers are remembered for this CRM."""
    st.markdown("**Which of these stages mean a deal was won or lost?** (asked once for this CRM)")
    answers = {}
    columns = st.columns(3)
    for position, stage in enumerate(result.stages_to_confirm):
        answers[stage] = columns[position % 3].selectbox(
            plain(stage), STATUSES, index=STATUSES.index("open"), key=f"upload_stage_{index}_{stage}"
        )
    if st.button("Load with these answers", key=f"upload_stages_go_{index}"):
        reload(index, result, replace(options, stage_statuses=answers))


def mapping_form(index: int, result: IngestResult) -> None:
    """Lets the user say what each column holds (two columns may make one field); remembered."""
    detection = result.detection
    assert detection is not None
    headers = [h for h in detection.headers if h]
    st.markdown("**Map the columns.** Say what this file is and which column holds what.")
    for line in detection.doubts + detection.refused:
        st.caption(plain(line))
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
    with st.expander("Join two columns into one field (e.g. First Name + Last Name)"):
        names = [f.name for f in KINDS[kind].fields]
        joined_field = st.selectbox(
            "Field",
            [None, *names],
            format_func=lambda f: "(none)" if f is None else KINDS[kind].field(f).label,
            key=f"upload_join_field_{index}_{kind}",
        )
        first = st.selectbox("First column", headers, key=f"upload_join_first_{index}")
        second = st.selectbox("Then, after a space", headers, key=f"upload_join_second_{index}")
        if joined_field:
            mapping[joined_field] = f"{first}{JOIN}{second}"
    remember = st.checkbox(
        "Remember this mapping for files with the same columns",
        value=True,
        key=f"upload_map_remember_{index}",
    )
    if st.button("Load with this mapping", key=f"upload_map_go_{index}"):
        missing = KINDS[kind].missing(mapping)
        if missing:
            st.error("Still needed: " + ", ".join(KINDS[kind].field(f).label for f in missing))
            return
        if remember:
            profiles.save(database, detection.headers, profiles.Profile(kind, source, mapping), by=viewer.by)
        reload(index, result, replace(options, kind=kind, source=source, mapping=mapping))


for index, result in enumerate(results):
    with st.container(border=True):
        st.markdown(STATUS[result.status])
        st.text(advice.for_app(result.message.split("\n")[0]))
        for note in result.notes:
            st.warning(plain(advice.for_app(note)), icon=":material/info:")
        if result.status == "loaded":
            show_counts(result)
            if result.kind == "activities" and result.categories:
                category_panel(index, result)
            if result.kind == "opportunities" and result.snapshot_from_data:
                snapshot_panel(index, result)
        if result.status == "failed" and result.stages_to_confirm:
            stages_form(index, result)
        elif result.status == "failed" and result.detection and any(result.detection.headers):
            mapping_form(index, result)
