-- Brings back the targets the undone upload had replaced, unless another live
-- target has the same metric, scope and start date.
-- params: $upload_id BIGINT
UPDATE targets AS o
SET superseded_by = NULL
WHERE o.superseded_by = $upload_id
  AND NOT EXISTS (
      SELECT 1 FROM targets c
      WHERE c.superseded_by IS NULL AND c.metric = o.metric AND c.team IS NOT DISTINCT FROM o.team
        AND c.rep IS NOT DISTINCT FROM o.rep AND c.effective_from = o.effective_from
  )
