-- Open deals stalled per rep and ISO week (Monday): of the open opportunities in the pipeline snapshot
-- describing the week, how many have been in the same stage for 4 weeks (28 days) or more. A deal's stage
-- history is read from the snapshots describing each week; a deal is taken to have entered its stage in the
-- first of the consecutive snapshots that show it there (for a deal first seen in that stage, the first
-- snapshot showing it: the stage may be older, so the count is never too high). Weeks without a snapshot
-- describing them have no row. (dashboard/metrics.py `open_deals_stalled`, dashboard/rules/deal_progress.py)
-- $teams: the teams the viewer may see (NULL: all); $rep: one rep (NULL: all).
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[], $rep VARCHAR
WITH aliases AS (
    SELECT alias, rep FROM rep_aliases()
    WHERE ($teams IS NULL OR list_contains($teams, team)) AND ($rep IS NULL OR rep = $rep)
),
week_snapshots AS (  -- the snapshot describing each week: the latest one taken for it
    SELECT described_week(snapshot_date) AS week, max(snapshot_date) AS snapshot_date
    FROM opportunity_snapshots
    WHERE superseded_by IS NULL AND described_week(snapshot_date) <= $to_week::DATE
    GROUP BY ALL
),
history AS (  -- each deal as each week's snapshot shows it, flagged where its stage differs from the week before
    SELECT al.rep, s.week, o.snapshot_date, o.opportunity_key, o.status,
           (lag(lower(trim(o.stage))) OVER deal IS DISTINCT FROM lower(trim(o.stage)))::INTEGER AS moved
    FROM opportunity_snapshots o
    JOIN week_snapshots s USING (snapshot_date)
    JOIN aliases al ON al.alias = lower(trim(o.owner))
    WHERE o.superseded_by IS NULL
    WINDOW deal AS (PARTITION BY o.opportunity_key ORDER BY o.snapshot_date)
),
runs AS (  -- a run: the consecutive snapshots of one deal in one stage
    SELECT *, sum(moved) OVER (PARTITION BY opportunity_key ORDER BY snapshot_date) AS run
    FROM history
),
entered AS (
    SELECT *, min(snapshot_date) OVER (PARTITION BY opportunity_key, run) AS in_stage_since
    FROM runs
)
SELECT rep, week,
       count(*)::DOUBLE AS open_deals,
       (count(*) FILTER (snapshot_date - in_stage_since >= 28))::DOUBLE AS stalled_deals
FROM entered
WHERE status = 'open' AND week BETWEEN $from_week::DATE AND $to_week::DATE
GROUP BY ALL
ORDER BY rep, week
