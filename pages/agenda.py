"""Agenda page: read a rep's one-on-one agenda as a document, edit it section by section, save
it, print it; record and follow up commitments."""

import hashlib

import streamlit as st

from dashboard import coaching, roster, url_params
from dashboard.agenda import carried, drafts, render, sections, tone
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
span = cached(roster.data_span)
if reps.empty or span is None:
    st.info("No data yet: upload this week's exports first.")
    st.stop()

asked_week = url_params.read_week("week", link_values("week"), span[1], earliest=span[0], latest=span[1])
# the reps on the team in the week chosen (a link may still name one who left, for an earlier week)
chosen_week = st.session_state.get("agenda_week", asked_week.value)
names = roster.picker_names(reps, chosen_week, next(iter(link_values("rep")), None))
if not names:
    st.info("No reps to show.")
    st.stop()
asked = url_params.read_choice(
    "rep", link_values("rep"), names, names[0], instead=names[0], among="the reps you can see"
)
link_warning(asked.problem, asked_week.problem)
# The week is picked from a list of the data's weeks (latest first), as on the other pages.
weeks = roster.weeks_latest_first(span)
in_progress = cached(roster.week_in_progress)
left, right = st.columns(2)
rep = left.selectbox("Rep", names, index=names.index(asked.value), key="agenda_rep")
week = right.selectbox(
    "Week to review", weeks, index=weeks.index(asked_week.value),
    format_func=lambda w: roster.week_label(w, in_progress), key="agenda_week",
)  # fmt: skip
st.query_params.update({"rep": rep, "week": week.isoformat()})

current = cached(drafts.current, rep, week, teams=viewer_teams())
if current.is_draft:
    st.caption(f"Draft for the week of {current.week:%d %b %Y}, from the data. Edit it, then save.")
else:
    st.caption(f"Saved by {current.saved_by} on {current.saved_at:%d %b %Y %H:%M}.")

if message := st.session_state.pop("agenda_message", None):
    st.success(message)

# The working copy lives in the session, per rep and week: unsaved edits survive any rerun.
doc_key = f"agenda_doc_{current.rep}_{current.week}"
work = sections.working(st.session_state.get(doc_key), current.body)
st.session_state[doc_key] = work
parts = sections.split(work.body)
WHOLE = len(parts)  # the last choice: the whole document as Markdown


def _apply(index: int, widget: str) -> None:
    edited = sections.edit(
        st.session_state[doc_key], None if index == WHOLE else index, st.session_state[widget]
    )
    st.session_state[doc_key] = edited


reading, editing = st.columns([3, 2])
with reading.container(height=720, border=True):
    st.markdown(render.on_screen(work.body))
with editing:
    titles = [p.title for p in parts] + ["Whole document"]
    first = 1 if len(parts) > 1 and parts[0].title == sections.HEADING else 0  # Recognition, not the title
    chosen = st.selectbox(
        "Section to edit",
        range(len(titles)),
        index=first,
        format_func=titles.__getitem__,
        key="agenda_section",
    )
    chosen = min(chosen, WHOLE)
    text = work.body if chosen == WHOLE else parts[chosen].text
    widget = f"agenda_edit_{doc_key}_{chosen}_{hashlib.sha1(text.encode()).hexdigest()[:12]}"
    st.text_area(
        f"{titles[chosen]} (Markdown)",
        value=text,
        height=560 if chosen == WHOLE else 320,
        key=widget,
        on_change=_apply,
        args=(chosen, widget),
        help="Edits show in the document on the left as soon as you leave the box (or press Ctrl+Enter).",
    )
    if work.edited:
        st.caption(":material/edit: Unsaved changes: save the agenda to keep them.")

peers = [n for n in names if n != current.rep]
issues = tone.check(work.body, peers)
if issues:
    st.warning("Tone check: some wording could land as blame rather than coaching.")
    for issue in issues:
        st.text(str(issue))
else:
    st.caption(":material/check: Tone check: coaching language, recognition first.")

save, discard = st.columns([1, 4])
if save.button("Save agenda", type="primary", key="agenda_save"):
    drafts.save(database, current, work.body, viewer_by())
    st.session_state.pop(doc_key, None)
    st.session_state["agenda_message"] = "Agenda saved."
    st.rerun()
if work.edited and discard.button("Discard changes", key="agenda_discard"):
    st.session_state.pop(doc_key, None)
    st.rerun()

download_md, download_html = st.columns(2)
stem = f"agenda-{current.rep.replace(' ', '-').lower()}-{current.week}"
download_md.download_button("Download Markdown", work.body, file_name=f"{stem}.md", mime="text/markdown")
download_html.download_button(
    "Download printable HTML",
    render.html(work.body, current.rep, current.week),
    file_name=f"{stem}.html",
    mime="text/html",
    key="agenda_download_html",
)

st.subheader("Follow-up of earlier commitments")
pending = cached(carried.to_review, current.rep, current.week)
if not pending:
    st.caption("No commitments from earlier one-on-ones.")
else:
    choices = {}
    for item in pending:
        again = f", made again {len(item.again)}×" if item.again else ""
        choices[item] = st.selectbox(
            f"{item.text} (due {item.due:%d %b}{again})",
            FOLLOW_UP_CHOICES,
            index=FOLLOW_UP_CHOICES.index(item.status),
            format_func=lambda s: coaching.FOLLOW_UP_LABELS[s],
            key=f"agenda_follow_{item.ids[-1]}",
        )
    if st.button("Save follow-up", key="agenda_follow_save"):
        for item, status in choices.items():
            if status != "open":
                carried.follow_up(database, item, status, current.week, viewer_by())
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
    show_table(
        versions[["saved_by", "saved_at"]].rename(columns={"saved_by": "saved by", "saved_at": "saved at"}),
        hide_index=True,
    )
