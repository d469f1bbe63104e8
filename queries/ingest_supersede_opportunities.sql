-- Marks stored snapshot rows that this upload replaces (same opportunity, same snapshot date).
-- params: $upload_id BIGINT
UPDATE opportunity_snapshots AS o
SET superseded_by = $upload_id
FROM (SELECT DISTINCT snapshot_date, opportunity_key FROM clean WHERE len(problems) = 0) AS n
WHERE o.superseded_by IS NULL
  AND o.snapshot_date = n.snapshot_date
  AND o.opportunity_key = n.opportunity_key
