-- Brings back the snapshot rows the undone upload had replaced, unless another
-- live upload holds that opportunity for that date.
-- params: $upload_id BIGINT
UPDATE opportunity_snapshots AS o
SET superseded_by = NULL
WHERE o.superseded_by = $upload_id
  AND NOT EXISTS (
      SELECT 1 FROM opportunity_snapshots c
      WHERE c.superseded_by IS NULL AND c.snapshot_date = o.snapshot_date AND c.opportunity_key = o.opportunity_key
  )
