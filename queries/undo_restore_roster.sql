-- Brings back the roster entries the undone upload had replaced, unless another
-- live upload describes that rep.
-- params: $upload_id BIGINT
UPDATE reps AS o
SET superseded_by = NULL
WHERE o.superseded_by = $upload_id
  AND NOT EXISTS (SELECT 1 FROM reps c WHERE c.superseded_by IS NULL AND c.rep_key = o.rep_key)
