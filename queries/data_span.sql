-- Mondays of the first and latest ISO weeks with any activity or pipeline data.
-- A pipeline snapshot counts for the week it describes (see described_week), and a
-- pipeline's history from the created and close dates of its deals (a pipeline-only
-- export of years of deals spans those years), never past the latest snapshot.
-- Activities are read through their weekly facts (dashboard/facts.py).
-- params: none
WITH deals AS (
    SELECT created_date, close_date, status, snapshot_date FROM opportunity_snapshots WHERE superseded_by IS NULL
)
SELECT
    least(
        (SELECT min(week) FROM activity_weeks),
        (SELECT min(described_week(snapshot_date)) FROM deals),
        (SELECT date_trunc('week', min(created_date)) FROM deals WHERE created_date <= snapshot_date),
        (SELECT date_trunc('week', min(close_date)) FROM deals WHERE status <> 'open' AND close_date <= snapshot_date)
    )::DATE AS first_week,
    greatest(
        (SELECT max(week) FROM activity_weeks),
        (SELECT max(described_week(snapshot_date)) FROM deals)
    )::DATE AS latest_week
