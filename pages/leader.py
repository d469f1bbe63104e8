"""Leader page: expectations met across the organisation and how the coaching system runs, per manager
and team, with a drill-down from a team to its reps and on to the rep page."""

from urllib.parse import quote

import streamlit as st

from dashboard import leader, roster, url_params
from dashboard.wording import count
from pages._shared import (
    cached,
    csv_download,
    link_values,
    link_warning,
    require_leader,
    show_table,
    viewer_teams,
)

require_leader()

st.title("Leader view")
span = cached(roster.data_span)
if span is None:
    st.info("No data yet: load this week's exports first.")
    st.page_link("pages/upload.py", label="Upload this week's exports", icon=":material/upload_file:")
    st.stop()

allowed = viewer_teams()
weeks = roster.weeks_latest_first(span)
in_progress = cached(roster.week_in_progress)
opening_week = cached(roster.default_week)
wanted_week = url_params.read_week(
    "week", link_values("week"), opening_week, earliest=span[0], latest=span[1]
)
link_warning(wanted_week.problem)
week = st.selectbox(
    "Week", weeks, index=weeks.index(wanted_week.value),
    format_func=lambda w: roster.week_label(w, in_progress), key="leader_week",
)  # fmt: skip
if in_progress is not None and week == in_progress.week:
    st.info(in_progress.note(), icon=":material/schedule:")
st.query_params["week"] = week.isoformat()

drawn = cached(leader.page, week, teams=allowed)
view = drawn.view
window = view.weeks
st.caption(
    "Whether the organisation runs on clear expectations and consistent coaching: the system, "
    f"not a ranking of people. Coaching measures cover the last {window} weeks up to the chosen week; "
    "tables are alphabetical. Hover a number for its definition."
)

for start in range(0, len(view.kpis), 3):
    for column, kpi in zip(st.columns(3), view.kpis[start : start + 3], strict=False):
        with column:
            st.metric(kpi.label, kpi.value, help=kpi.definition)
            st.caption(kpi.detail)

st.subheader("Share of reps meeting each weekly expectation")
st.caption(leader.definition("expectations_met", window))
if drawn.trend is None:
    st.info("No weekly expectations to judge in these weeks.")
else:
    st.plotly_chart(drawn.trend, key="leader_trend", width="stretch")

st.subheader(f"Attainment in the week of {view.week:%d %b %Y}")
spread = view.distribution
left, right = st.columns(2)
with left:
    st.caption("Reps per weekly expectation: ✓ met · ◐ near (within 10 %) · ○ below.")
    show_table(
        spread.by_metric.drop(columns="metric").rename(
            columns={
                "label": "Expectation",
                "met": "✓ met",
                "near": "◐ near",
                "below": "○ below",
                "reps": "Reps judged",
            }
        ),
        hide_index=True,
        width="stretch",
    )
with right:
    st.caption(f"Reps by the number of their weekly expectations met ({count(spread.reps_judged, 'rep')}).")
    st.plotly_chart(drawn.spread, key="leader_spread", width="stretch")

help_texts = {column: leader.definition(name, window) for column, name in leader.SUMMARY_HELP.items()}
for by, title in (("manager", "Coaching by manager"), ("team", "Coaching by team")):
    st.subheader(title)
    frame = view.managers if by == "manager" else view.teams
    table = drawn.tables[by]  # `leader.summary_table` of the frame, made with the page's data
    show_table(
        table,
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.TextColumn(c, help=help_texts.get(c)) for c in table.columns},
    )
    csv_download(
        f"Download the {by} table", frame, f"leader-{by}-{view.week.isoformat()}.csv", f"leader_{by}_csv"
    )

st.subheader("Weekly review")
st.caption(leader.definition("reviews_held", window))
show_table(drawn.tables["review"], hide_index=True, width="stretch")

st.subheader("A team and its reps")
team_names = view.reviews["team"].tolist()
wanted_team = url_params.read_choice(
    "team", link_values("team"), team_names, None, instead="no team", among="the teams you can see"
)
link_warning(wanted_team.problem)
team = st.selectbox(
    "Team", team_names, index=None if wanted_team.value is None else team_names.index(wanted_team.value),
    placeholder="Choose a team", key="leader_team",
)  # fmt: skip
if team:
    st.query_params["team"] = team
    reps = leader.rep_display(leader.rep_table(view.records, team), window)
    reps.insert(1, "open", "rep?rep=" + reps["rep"].map(quote))
    show_table(
        reps,
        hide_index=True,
        width="stretch",
        column_config={
            "rep": st.column_config.TextColumn("Rep", pinned=True),
            "open": st.column_config.LinkColumn("Rep page", display_text="Open"),
        },
    )
    rep = st.selectbox("Rep", reps["rep"].tolist(), index=None, placeholder="Choose a rep", key="leader_rep")
    if rep:
        st.page_link(
            "pages/rep.py", label="Open the rep page", icon=":material/person:", query_params={"rep": rep}
        )
elif "team" in st.query_params:
    del st.query_params["team"]

st.subheader("Closing note")
for note in view.notes:
    st.text(note)
with st.expander("Definitions"):
    for label, text in leader.definitions(window).items():
        st.text(f"{label}: {text}")
