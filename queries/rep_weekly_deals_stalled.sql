-- Open deals stalled per rep and ISO week (Monday): of the open opportunities in the pipeline snapshot
-- describing the week, how many have been in the same stage for 4 weeks (28 days) or more, and how many
-- moved on a stage since the snapshot before (NULL in rows not yet recomputed), summed over
-- the rep's spellings from the deal facts (stage_weeks: queries/facts_insert_stage_weeks.sql says how a
-- deal's stage history is read). Weeks without a snapshot describing them, or without an open deal of
-- the rep, have no row. (dashboard/metrics.py `open_deals_stalled`, `open_deals_moved`;
-- dashboard/rules/deal_progress.py, dashboard/rules/moving_on.py)
-- $teams: the teams the viewer may see (NULL: all); $rep: one rep (NULL: all).
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[], $rep VARCHAR
WITH aliases AS (
    SELECT alias, rep FROM rep_alias_snapshot
    WHERE ($teams IS NULL OR list_contains($teams, team)) AND ($rep IS NULL OR rep = $rep)
)
SELECT al.rep, s.week,
       sum(s.open_deals)::DOUBLE AS open_deals,
       sum(s.stalled_deals)::DOUBLE AS stalled_deals,
       sum(s.moved_deals)::DOUBLE AS moved_deals
FROM stage_weeks s
JOIN aliases al ON al.alias = s.name_key
WHERE s.week BETWEEN $from_week::DATE AND $to_week::DATE
GROUP BY ALL
ORDER BY rep, week
