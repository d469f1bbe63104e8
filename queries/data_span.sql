-- Mondays of the first and latest ISO weeks with any activity or pipeline data.
-- A pipeline snapshot counts for the week it describes (see described_week).
-- params: none
SELECT
    least(
        (SELECT date_trunc('week', min(activity_date)) FROM activities),
        (SELECT min(described_week(snapshot_date)) FROM opportunity_snapshots WHERE superseded_by IS NULL)
    )::DATE AS first_week,
    greatest(
        (SELECT date_trunc('week', max(activity_date)) FROM activities),
        (SELECT max(described_week(snapshot_date)) FROM opportunity_snapshots WHERE superseded_by IS NULL)
    )::DATE AS latest_week
