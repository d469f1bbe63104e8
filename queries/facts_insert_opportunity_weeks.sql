-- Recomputes the created / closed facts of the due (owner, week) pairs from the latest stored
-- snapshot row of each opportunity (the definitions are in dashboard/metrics.py). Only the
-- opportunities with a row under a due owner are read: any latest row that counts is theirs.
-- params: none
INSERT INTO opportunity_weeks
WITH due AS (SELECT DISTINCT name_key, week FROM opportunity_weeks_due),
latest AS (
    SELECT lower(trim(owner)) AS name_key, amount, created_date, close_date, status, source_type
    FROM opportunity_snapshots
    WHERE superseded_by IS NULL
      AND opportunity_key IN (
          SELECT opportunity_key FROM opportunity_snapshots
          WHERE superseded_by IS NULL AND lower(trim(owner)) IN (SELECT name_key FROM due)
      )
    QUALIFY row_number() OVER (PARTITION BY opportunity_key ORDER BY snapshot_date DESC) = 1
),
created AS (
    SELECT name_key, date_trunc('week', created_date)::DATE AS week,
           count(*) AS opportunities_created,
           coalesce(sum(amount), 0) AS pipeline_created,
           count(*) FILTER (amount >= 100000) AS opportunities_over_100k,
           count(*) FILTER (source_type = 'self') AS self_sourced_created
    FROM latest
    WHERE created_date IS NOT NULL
    GROUP BY ALL
),
closed AS (
    SELECT name_key, date_trunc('week', close_date)::DATE AS week,
           count(*) FILTER (status = 'won') AS wins,
           coalesce(sum(amount) FILTER (status = 'won'), 0) AS won_revenue,
           count(*) FILTER (status = 'lost') AS losses,
           coalesce(sum(close_date - created_date) FILTER (status = 'won' AND created_date <= close_date), 0)
               AS won_cycle_days,
           count(*) FILTER (status = 'won' AND created_date <= close_date) AS won_with_cycle,
           count(*) FILTER (status = 'won' AND amount IS NOT NULL) AS won_with_amount
    FROM latest
    WHERE status IN ('won', 'lost') AND close_date IS NOT NULL
    GROUP BY ALL
)
SELECT
    coalesce(c.name_key, w.name_key) AS name_key, coalesce(c.week, w.week) AS week,
    coalesce(c.opportunities_created, 0), coalesce(c.pipeline_created, 0),
    coalesce(c.opportunities_over_100k, 0), coalesce(c.self_sourced_created, 0),
    coalesce(w.wins, 0), coalesce(w.won_revenue, 0), coalesce(w.losses, 0),
    coalesce(w.won_cycle_days, 0), coalesce(w.won_with_cycle, 0), coalesce(w.won_with_amount, 0)
FROM created c
FULL JOIN closed w ON w.name_key = c.name_key AND w.week = c.week
SEMI JOIN due d ON d.name_key = coalesce(c.name_key, w.name_key) AND d.week = coalesce(c.week, w.week)
