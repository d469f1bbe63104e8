-- Monday of the latest ISO week with any activity or pipeline snapshot.
-- params: none
SELECT greatest(
    (SELECT date_trunc('week', max(activity_date)) FROM activities),
    (SELECT date_trunc('week', max(snapshot_date)) FROM opportunity_snapshots WHERE superseded_by IS NULL)
)::DATE AS week
