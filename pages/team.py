"""Team page: a compact scorecard of each rep's key metrics for one week against the expectation."""

import streamlit as st

from dashboard import roster, targets, team_page, team_view, url_params
from dashboard.metrics import BY_NAME
from dashboard.wording import count
from pages._shared import (
    cached,
    csv_download,
    link_values,
    link_warning,
    require_viewer,
    show_table,
    viewer_teams,
)

ALL_TEAMS = "All teams"

require_viewer()
st.title("Team")
span = cached(roster.data_span)
if span is None:
    st.info("No data yet: load this week's exports first.")
    st.page_link("pages/upload.py", label="Upload this week's exports", icon=":material/upload_file:")
    st.stop()

allowed = viewer_teams()
reps = cached(roster.list_reps, allowed)
team_names = sorted(set(reps["team"].dropna()))
weeks = roster.weeks_latest_first(span)

team_options = [ALL_TEAMS, *team_names]
wanted_team = url_params.read_choice(
    "team", link_values("team"), team_options, ALL_TEAMS, instead="all teams", among="the teams you can see"
)
in_progress = cached(roster.week_in_progress)
opening_week = cached(roster.default_week)
wanted_week = url_params.read_week(
    "week", link_values("week"), opening_week, earliest=span[0], latest=span[1]
)
link_warning(wanted_team.problem, wanted_week.problem)
left, right = st.columns(2)
team = left.selectbox("Team", team_options, index=team_options.index(wanted_team.value), key="team_team")
week = right.selectbox(
    "Week", weeks, index=weeks.index(wanted_week.value),
    format_func=lambda w: roster.week_label(w, in_progress), key="team_week",
)  # fmt: skip
st.query_params.update({"team": team, "week": week.isoformat()})
if in_progress is not None and week == in_progress.week:
    st.info(in_progress.note(), icon=":material/schedule:")

drawn = cached(
    team_page.team_page, week, earliest=span[0], teams=allowed, team=None if team == ALL_TEAMS else team
)
overview = drawn.overview
if overview.table.empty:
    st.info("No reps to show for this team and week.")
    st.stop()

st.caption(
    "Each rep's week against the clear expectations, alphabetically: ✓ met (green) · ◐ near, within "
    "10 % (amber) · ○ below (orange), with the expectation beside a value under it. Hover a cell for the "
    "full sentence; a name opens that rep's page for this week. A count set per month, quarter or year "
    "is read as the total so far against an even pace, in whole counts, from the rep's first week with "
    "data; no week before it is judged."
)
st.html(drawn.grid)
if overview.without_quota:  # pipeline coverage reads no data for them: say why, and where to set a quota
    missing, shown_reps = len(overview.without_quota), len(overview.table)
    who = "every rep here" if missing == shown_reps else f"{missing} of the {count(shown_reps, 'rep')} here"
    st.info(targets.no_quota_note(who), icon=":material/info:")
if st.toggle("Show each metric's last 8 weeks", key="team_trends"):  # sparklines wait to be asked for
    lines = overview.table[["rep"]].copy()
    columns = {"rep": st.column_config.TextColumn("Rep", pinned=True)}
    for name in team_view.KEY_METRICS:
        lines[name] = overview.table[team_view.trend_column(name)]
        columns[name] = st.column_config.LineChartColumn(
            f"{BY_NAME[name].label}, 8 weeks", width="small", y_min=0,
            help=f"{BY_NAME[name].label} in the last 8 weeks up to this one, from 0 up",
        )  # fmt: skip
    show_table(lines, column_config=columns, column_order=list(columns), hide_index=True, width="stretch")
csv_download(  # made once per data version, with the grid
    "Download the full table (CSV)", drawn.csv, f"team-{week.isoformat()}.csv", key="team_csv"
)
digest_teams = allowed if team == ALL_TEAMS else [team]


def monday_digest() -> str:
    """The digest as e-mail HTML, built (and its module loaded) only when the button is clicked."""
    from dashboard.digest import render

    return cached(render.email, week, teams=digest_teams)


st.download_button(
    "Download the Monday digest (HTML for e-mail)",
    data=monday_digest,
    file_name=f"monday-digest-{week.isoformat()}.html",
    mime="text/html",
    key="team_digest",
    on_click="ignore",
    help="Per manager: recognition, who may need support early, expectations under and since when, "
    "commitments due and the one-on-ones to prepare, with the team-wide accountability measures.",
)

st.subheader("Under an expectation this week")
focus = st.selectbox(
    "Expectation",
    team_view.KEY_METRICS,
    index=team_view.KEY_METRICS.index("first_meetings"),
    format_func=lambda m: BY_NAME[m].label,
    key="team_focus",
)
under = team_view.below_expectation(overview.attainment, focus)
if under.empty:
    st.success(f"Every rep meets the {BY_NAME[focus].label.lower()} expectation this week.")
else:
    show_table(under, hide_index=True, width="stretch")

st.subheader("Open a rep")
rep = st.selectbox(
    "Rep", overview.table["rep"].tolist(), key="team_rep", index=None, placeholder="Choose a rep"
)
if rep:
    first, last = url_params.rep_weeks(week, span[0])
    st.page_link(
        "pages/rep.py", label="Open the rep page", icon=":material/person:",
        query_params={"rep": rep, "from": first.isoformat(), "to": last.isoformat()},
    )  # fmt: skip
