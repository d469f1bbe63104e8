-- Marks stored snapshot rows that this upload replaces (same opportunity, same snapshot date).
-- params: $upload_id BIGINT
UPDATE opportunity_snapshots AS o
SET superseded_by = $upload_id
FROM (
    SELECT DISTINCT c.snapshot_date, k.stored_key
    FROM clean c JOIN keyed k ON k._row = c._row AND k.same_as_row IS NULL
) AS n
WHERE o.superseded_by IS NULL
  AND o.snapshot_date = n.snapshot_date
  AND o.opportunity_key = n.stored_key
