-- Marks every week a snapshot describes, or the snapshot facts hold, as due (a full rebuild).
-- params: none
INSERT INTO snapshot_weeks_due
SELECT DISTINCT described_week(snapshot_date) FROM opportunity_snapshots
UNION
SELECT week FROM snapshot_weeks
