-- Marks the stored roster entries of reps this upload describes again.
-- params: $upload_id BIGINT
UPDATE reps
SET superseded_by = $upload_id
WHERE superseded_by IS NULL
  AND rep_key IN (SELECT rep_key FROM clean WHERE len(problems) = 0)
