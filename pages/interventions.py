"""Interventions page: this week's reps who may need help early, with the evidence, and acknowledgement."""

import datetime as dt

import streamlit as st

from dashboard import interventions, rep_view, roster, team_view, trend_chart, url_params
from dashboard.rules import evidence, history
from pages._shared import (
    cached,
    get_database,
    link_values,
    link_warning,
    metric_tab,
    require_viewer,
    viewer_by,
    viewer_teams,
)

SEVERITY = {"high": "● high", "medium": "◐ medium", "low": "○ low"}
KIND = {
    "slump": "May need help early",
    "hygiene": "Data-hygiene note: logging dropped while the pipeline moves",
}
CHART_WEEKS = 12
CHARTS_AT_ONCE = 4  # cards drawing their chart at first paint; later cards draw theirs when opened


def evidence_chart(place, flag, week: dt.date, index: int) -> None:
    """The flag's first metric in the weeks up to `week`, small, in `place` (a column or an expander)."""
    metric = flag.signals[0].metric
    rows = cached(
        rep_view.rep_weekly,
        flag.rep,
        week - dt.timedelta(weeks=CHART_WEEKS - 1),
        week,
        names=[metric],
        teams=viewer_teams(),
    )
    chart = trend_chart.metric_chart(rows, metric, average=False)  # the rep's weeks, usual level, expectation
    place.vega_lite_chart(spec=chart, key=f"interventions_chart_{index}", width="stretch")


require_viewer()
database = get_database()
st.title("Early intervention")
st.caption(
    "Reps whose leading indicators slid before their results did, with the numbers behind each note. "
    "A note is an occasion to help, not a verdict. A small slide in activity shows once it has held two "
    "weeks running (one cold week is normal); team-wide dips, ramping reps and recorded time off are "
    "left out."
)
span = cached(roster.data_span)
if span is None:
    st.info("No data yet: upload this week's exports first.")
    st.stop()
# The week is picked as on the Team and Rep pages, from a list (latest first): a date picker's
# scripts are loaded and run in the browser before the page can draw.
weeks = roster.weeks_latest_first(span)
in_progress = cached(roster.week_in_progress)
asked = url_params.read_week("week", link_values("week"), span[1], earliest=span[0], latest=span[1])
link_warning(asked.problem)
week = st.columns([1, 2])[0].selectbox(
    "Week", weeks, index=weeks.index(asked.value),
    format_func=lambda w: roster.week_label(w, in_progress), key="iv_week",
)  # fmt: skip
st.query_params["week"] = week.isoformat()

reviewed = cached(interventions.review, week, teams=viewer_teams())  # a read: flags are stored at ingest
flags = reviewed.flags
cases = interventions.needs_attention(database, flags)
quiet = len(flags) - len(cases)
too_new = history.note(reviewed.too_new)  # reps the rules could not judge yet: no all-clear for them
if message := st.session_state.pop("interventions_message", None):
    st.success(message)
if not cases and not cached(roster.has_activities, week):
    st.info(roster.no_activity_message(week))
elif not cases and too_new:
    st.info(f"No flags in the week of {week:%d %b %Y}. {too_new}")
elif not cases:
    st.success(f"No one needs an early conversation in the week of {week:%d %b %Y}.")
elif too_new:
    st.info(too_new)
if quiet:
    st.caption(
        "1 acknowledged note is resting; it comes back if it persists or grows."
        if quiet == 1
        else f"{quiet} acknowledged notes are resting; they come back if they persist or grow."
    )

for index, (flag, ack) in enumerate(cases):
    with st.container(border=True):
        head, side = st.columns([3, 2])
        head.subheader(flag.rep)
        head.text(f"{flag.team or 'no team'} · {SEVERITY[flag.severity]} · {KIND[flag.kind]}")
        if ack:
            head.caption(f"Discussed in the week of {ack['week']:%d %b}; still there, so it is back.")
        for line in evidence.lines(flag.signals):
            head.text(f"• {line}")
        links = head.columns(2)
        on_rep_page = {"rep": flag.rep}
        if flag.signals[0].metric in team_view.KEY_METRICS:  # the rep page's tabs: open the flagged one
            on_rep_page["rep_metric"] = metric_tab(flag.signals[0].metric)
        links[0].page_link(
            "pages/rep.py", label="Rep page", icon=":material/person:", query_params=on_rep_page
        )
        links[1].page_link(
            "pages/agenda.py",
            label="Prepare the 1:1",
            icon=":material/event_note:",
            query_params={"rep": flag.rep, "week": week.isoformat()},
        )
        if index < CHARTS_AT_ONCE:
            evidence_chart(side, flag, week, index)
        else:  # the browser lays out every chart on the page: the later cards' charts wait to be opened
            more = side.expander(
                f"Chart of the last {CHART_WEEKS} weeks", key=f"iv_more_{index}", on_change="rerun"
            )
            if more.open:
                evidence_chart(more, flag, week, index)
        with side.popover("Mark as discussed"):
            note = st.text_input(
                "Note", value=f"Discussed in 1:1 on {dt.date.today():%d %b %Y}", key=f"iv_note_{index}"
            )
            if st.button("Save", key=f"iv_ack_{index}"):
                interventions.acknowledge(database, flag.rep, note, by=viewer_by(), week=week, kind=flag.kind)
                st.session_state["interventions_message"] = f"Noted for {flag.rep}."
                st.rerun()
