-- Marks every (owner, week) pair the snapshots describe, or the stalled-deal facts hold, as due (a
-- full rebuild).
-- params: none
INSERT INTO stage_weeks_due
SELECT DISTINCT lower(trim(owner)), described_week(snapshot_date)
FROM opportunity_snapshots
WHERE superseded_by IS NULL
UNION
SELECT name_key, week FROM stage_weeks
