-- Recomputes the stalled-deal facts of the due (owner, week) pairs: of the open deals in the snapshot
-- describing the week (the latest one taken for it), how many have been in the same stage for 4 weeks
-- (28 days) or more, and how many show another stage than in the snapshot before (moved on; a deal first
-- seen that week has not). A deal's stage history is read from the snapshots describing each week, whoever
-- owned it then; a deal is taken to have entered its stage in the first of the consecutive snapshots
-- that show it there (for a deal first seen in that stage, the first snapshot showing it: the stage may
-- be older, so the count is never too high). Only the deals shown in a due pair are read.
-- (dashboard/metrics.py `open_deals_stalled`, dashboard/rules/deal_progress.py)
-- params: none
INSERT INTO stage_weeks
WITH due AS (SELECT DISTINCT name_key, week FROM stage_weeks_due),
taken AS (  -- the snapshot describing each week up to the last due one: the latest one taken for it
    SELECT described_week(snapshot_date) AS week, max(snapshot_date) AS snapshot_date
    FROM opportunity_snapshots
    WHERE superseded_by IS NULL AND described_week(snapshot_date) <= (SELECT max(week) FROM due)
    GROUP BY ALL
),
shown AS (
    SELECT o.opportunity_key, o.snapshot_date, t.week, lower(trim(o.owner)) AS name_key, o.status,
           lower(trim(o.stage)) AS stage
    FROM opportunity_snapshots o
    JOIN taken t USING (snapshot_date)
    WHERE o.superseded_by IS NULL
),
history AS (  -- each such deal as each week's snapshot shows it, flagged where its stage differs from before
    SELECT *, (lag(stage) OVER deal IS DISTINCT FROM stage)::INTEGER AS moved,
           lag(snapshot_date) OVER deal IS NOT NULL AND lag(stage) OVER deal IS DISTINCT FROM stage AS moved_on
    FROM shown
    WHERE opportunity_key IN (SELECT s.opportunity_key FROM shown s SEMI JOIN due d USING (name_key, week))
    WINDOW deal AS (PARTITION BY opportunity_key ORDER BY snapshot_date)
),
runs AS (  -- a run: the consecutive snapshots of one deal in one stage
    SELECT *, sum(moved) OVER (PARTITION BY opportunity_key ORDER BY snapshot_date) AS run
    FROM history
),
entered AS (
    SELECT *, min(snapshot_date) OVER (PARTITION BY opportunity_key, run) AS in_stage_since
    FROM runs
)
SELECT name_key, week, count(*), count(*) FILTER (snapshot_date - in_stage_since >= 28), count(*) FILTER (moved_on)
FROM entered
SEMI JOIN due USING (name_key, week)
WHERE status = 'open'
GROUP BY ALL
