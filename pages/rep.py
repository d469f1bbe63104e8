"""Rep page: one rep's weekly trend per metric, pace of period targets, and pipeline changes."""

import datetime as dt

import streamlit as st

from dashboard import rep_view, roster, targets, team_view, url_params
from dashboard.metrics import BY_NAME, METRIC_NAMES
from pages._shared import (
    cached,
    csv_download,
    link_values,
    link_warning,
    metric_tab,
    require_viewer,
    show_table,
    viewer_teams,
)

ALL_METRICS = "All metrics"

require_viewer()
st.title("Rep")
span = cached(roster.data_span)
if span is None:
    st.info("No data yet: load this week's exports first.")
    st.page_link("pages/upload.py", label="Upload this week's exports", icon=":material/upload_file:")
    st.stop()

allowed = viewer_teams()
reps = cached(roster.list_reps, allowed)
# the reps on the team in the latest week (a link may still name one who left: their weeks stay theirs)
names = roster.picker_names(reps, span[1], next(iter(link_values("rep")), None))
if not names:
    st.info("No reps to show.")
    st.stop()

wanted = url_params.read_choice(
    "rep", link_values("rep"), names, names[0], instead=names[0], among="the reps you can see"
)
default_from = url_params.rep_weeks(span[1], span[0])[0]
first, last, problems = url_params.read_weeks(
    link_values("from"), link_values("to"), (default_from, span[1]), earliest=span[0], latest=span[1]
)
link_warning(wanted.problem, *problems)
# The weeks are picked as the Team page picks its week, from a list (latest first): a date picker's
# scripts (about 200 KB) were loaded and run in the browser before the chart could draw.
weeks = roster.weeks_latest_first(span)
in_progress = cached(roster.week_in_progress)
top = st.columns([2, 1, 1])
rep = top[0].selectbox("Rep", names, index=names.index(wanted.value), key="rep_rep")


def week_name(week: dt.date) -> str:
    return roster.week_label(week, in_progress)


from_week = top[1].selectbox(
    "First week", weeks, index=weeks.index(first), format_func=week_name, key="rep_from"
)
to_week = top[2].selectbox("Last week", weeks, index=weeks.index(last), format_func=week_name, key="rep_to")
if from_week > to_week:
    st.info(f"The first week ({from_week:%d %b %Y}) is after the last ({to_week:%d %b %Y}): pick them again.")
    st.stop()
st.query_params.update({"rep": rep, "from": from_week.isoformat(), "to": to_week.isoformat()})

row = reps[reps["rep"] == rep].iloc[0]
st.caption(f"{rep} · team {row['team'] or 'unknown'} · manager {row['manager'] or 'unknown'}")

weekly = cached(rep_view.rep_weekly, rep, from_week, to_week, teams=allowed)  # the charts' and the CSV's rows

# The main chart first: one metric a tab, and only the open tab's chart is built and drawn, so
# the browser lays out one chart at first paint, not seven. The open tab is in the link (?rep_metric=).
st.subheader("Weekly trend")
with st.popover("Metrics in the tabs", icon=":material/tune:"):
    shown = st.multiselect(
        "Metrics", METRIC_NAMES, default=list(team_view.KEY_METRICS),
        format_func=lambda m: BY_NAME[m].label, key="rep_metrics",
    )  # fmt: skip
shown = rep_view.with_data_first(weekly, shown or list(team_view.KEY_METRICS))
tabs = st.tabs([*(metric_tab(n) for n in shown), ALL_METRICS], key="rep_metric", bind="query-params")
for name, tab in zip([*shown, None], tabs, strict=True):
    if not tab.open:
        continue
    drawn = tuple(shown) if name is None else (name,)
    charts = rep_view.charts_of(weekly, drawn)
    with tab:
        if name is None:  # every chosen metric at once, two small charts a row
            columns = st.columns(2)
            for i, each in enumerate(drawn):
                with columns[i % 2]:
                    st.vega_lite_chart(spec=charts[each], key=f"rep_chart_{each}", width="stretch")
        else:
            chart = {**charts[name], "height": 380}
            st.vega_lite_chart(spec=chart, key=f"rep_chart_{name}", width="stretch")
        if "pipeline_coverage" in drawn and cached(targets.quota_missing, rep, to_week, teams=allowed):
            st.info(targets.no_quota_note(rep), icon=":material/info:")  # why its chart is empty
st.caption(
    "Weekly value, the expectation in force (dashed), the 4-week average and the rep's own usual "
    "level (dotted), as the early-intervention flags read it each week: the median of the 13 weeks "
    "before the latest 4 (or of the 13 before those, if higher), from 6 such weeks on; time off, "
    "weeks before the rep's first data and logging gaps are left out."
)
csv_download(
    "Download the trend (CSV)",
    weekly.assign(label=weekly["metric"].map(lambda m: BY_NAME[m].label)),
    f"trend-{from_week.isoformat()}-{to_week.isoformat()}.csv",
    key="rep_csv",
)

# Pace and pipeline changes open on demand (their tables are not drawn at first paint); the
# labels already say how things stand.
paces = cached(rep_view.rep_pace, rep, to_week, teams=allowed)
on_pace = sum(1 for p in paces if p.on_pace)
pace_state = f"{on_pace} of {len(paces)} on pace" if paces else "no month, quarter or year targets"
pace = st.expander(
    f"Pace as of the week of {to_week:%d %b %Y}: {pace_state}", key="rep_pace", on_change="rerun"
)
if pace.open:
    with pace:
        if paces:
            show_table(rep_view.pace_table(paces), hide_index=True, width="stretch")
        else:
            st.caption("No month, quarter or year count targets apply to this rep.")

changes = cached(rep_view.pipeline_changes, rep, to_week, teams=allowed)
counts = changes["change"].value_counts()
moved = " · ".join(f"{int(counts[k])} {k}" for k in rep_view.CHANGE_KINDS if counts.get(k, 0)) or "none"
pipeline = st.expander(
    f"Pipeline changes in the week of {to_week:%d %b %Y}: {moved}", key="rep_pipeline", on_change="rerun"
)
if pipeline.open:
    with pipeline:
        if changes.empty:
            st.caption(
                "No changes between the two latest pipeline snapshots describing this week "
                "and the one before."
            )
        else:
            first = changes.iloc[0]
            st.caption(f"Snapshot of {first['snapshot_now']} compared with {first['snapshot_before']}.")
            cells = st.columns(len(rep_view.CHANGE_KINDS))
            for cell, kind in zip(cells, rep_view.CHANGE_KINDS, strict=True):
                cell.metric(kind, int(counts.get(kind, 0)))
            show_table(rep_view.pipeline_display(changes), hide_index=True, width="stretch")
