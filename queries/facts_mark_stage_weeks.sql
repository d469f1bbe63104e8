-- Marks as due the (owner, week) pairs of the stalled-deal facts one pipeline upload changes (after an
-- ingest stores its rows, before an undo removes them): every row, in the first week its snapshots
-- describe or later, of a deal shown in those weeks (its stage history, and so its runs, may change).
-- params: $upload_id BIGINT
INSERT INTO stage_weeks_due
WITH changed AS (
    SELECT DISTINCT described_week(snapshot_date) AS week
    FROM opportunity_snapshots
    WHERE upload_id = $upload_id OR superseded_by = $upload_id
),
touched AS (
    SELECT *
    FROM opportunity_snapshots
    WHERE (superseded_by IS NULL OR superseded_by = $upload_id)
      AND described_week(snapshot_date) >= (SELECT min(week) FROM changed)
)
SELECT DISTINCT lower(trim(owner)), described_week(snapshot_date)
FROM touched
WHERE opportunity_key IN (
    SELECT opportunity_key FROM touched WHERE described_week(snapshot_date) IN (SELECT week FROM changed)
)
