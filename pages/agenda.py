"""Agenda page: draft, edit and save a rep's one-on-one agenda; record and follow up commitments."""

import hashlib

import streamlit as st

from dashboard import coaching, roster, url_params
from dashboard.agenda import drafts, render, tone
from pages._shared import (
    cached,
    get_database,
    link_values,
    link_warning,
    require_viewer,
    show_table,
    viewer_by,
    viewer_teams,
)

FOLLOW_UP_CHOICES = ["open", *coaching.FOLLOW_UP_STATUSES]

require_viewer()
database = get_database()
st.title("One-on-one agenda")
reps = cached(roster.list_reps, viewer_teams())
latest = cached(roster.latest_week)
if reps.empty or latest is None:
    st.info("No data yet: upload this week's exports first.")
    st.stop()

names = reps["rep"].tolist()
asked = url_params.read_choice(
    "rep", link_values("rep"), names, names[0], instead=names[0], among="the reps you can see"
)
asked_week = url_params.read_week("week", link_values("week"), latest, latest=latest)
link_warning(asked.problem, asked_week.problem)
left, right = st.columns(2)
rep = left.selectbox("Rep", names, index=names.index(asked.value), key="agenda_rep")
week = right.date_input("Week to review", value=asked_week.value, max_value=latest, key="agenda_week")
st.query_params.update({"rep": rep, "week": week.isoformat()})

current = cached(drafts.current, rep, week, teams=viewer_teams())
if current.is_draft:
    st.caption(f"Draft for the week of {current.week:%d %b %Y}, from the data. Edit it, then save.")
else:
    st.caption(f"Saved by {current.saved_by} on {current.saved_at:%d %b %Y %H:%M}.")

if message := st.session_state.pop("agenda_message", None):
    st.success(message)

body = st.text_area(
    "Agenda (Markdown)",
    value=current.body,
    height=560,
    key=f"agenda_body_{current.rep}_{current.week}_{hashlib.sha1(current.body.encode()).hexdigest()}",
)
peers = [n for n in names if n != current.rep]
issues = tone.check(body, peers)
if issues:
    st.warning("Tone check: some wording could land as blame rather than coaching.")
    for issue in issues:
        st.text(str(issue))
else:
    st.caption(":material/check: Tone check: coaching language, recognition first.")

if st.button("Save agenda", type="primary", key="agenda_save"):
    drafts.save(database, current, body, viewer_by())
    st.session_state["agenda_message"] = "Agenda saved."
    st.rerun()

download_md, download_html = st.columns(2)
stem = f"agenda-{current.rep.replace(' ', '-').lower()}-{current.week}"
download_md.download_button("Download Markdown", body, file_name=f"{stem}.md", mime="text/markdown")
download_html.download_button(
    "Download printable HTML",
    render.html(body, current.rep, current.week),
    file_name=f"{stem}.html",
    mime="text/html",
)

st.subheader("Follow-up of earlier commitments")
pending = cached(coaching.to_follow_up, current.rep, current.week)
if pending.empty:
    st.caption("No commitments from earlier one-on-ones.")
else:
    choices = {}
    for row in pending.itertuples():
        choices[row.commitment_id] = st.selectbox(
            f"{row.text} (due {row.due_date:%d %b})",
            FOLLOW_UP_CHOICES,
            index=FOLLOW_UP_CHOICES.index(row.status),
            format_func=lambda s: coaching.FOLLOW_UP_LABELS[s],
            key=f"agenda_follow_{row.commitment_id}",
        )
    if st.button("Save follow-up", key="agenda_follow_save"):
        for commitment_id, status in choices.items():
            if status != "open":
                coaching.follow_up(database, commitment_id, status, current.week, viewer_by())
        st.session_state["agenda_message"] = "Follow-up saved."
        st.rerun()

st.subheader("Commitments made this week")
made = cached(coaching.commitments, current.rep, current.week)
made = made[made["week"] == current.week]
if not made.empty:
    show_table(made[["text", "due_date", "status"]], hide_index=True, width="stretch")
with st.form("agenda_commitment", clear_on_submit=True):
    text = st.text_input("New commitment", key="agenda_commitment_text")
    due = st.date_input("Due", value=current.agenda.next_review, key="agenda_commitment_due")
    if st.form_submit_button("Add commitment") and text.strip():
        coaching.add_commitment(database, current.rep, current.week, text, due, viewer_by())
        st.session_state["agenda_message"] = "Commitment added."
        st.rerun()

versions = cached(coaching.agenda_versions, current.rep, current.week)
if not versions.empty:
    st.subheader("History")
    show_table(versions[["saved_by", "saved_at"]], hide_index=True)
