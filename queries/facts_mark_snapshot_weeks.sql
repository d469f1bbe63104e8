-- Marks the weeks one pipeline upload's snapshots describe as due (after an ingest stores its
-- rows, before an undo removes them): the rows it added and the rows it replaced.
-- params: $upload_id BIGINT
INSERT INTO snapshot_weeks_due
SELECT DISTINCT described_week(snapshot_date)
FROM opportunity_snapshots
WHERE upload_id = $upload_id OR superseded_by = $upload_id
