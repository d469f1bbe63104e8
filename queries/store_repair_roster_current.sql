-- Keeps one current roster row per rep: the latest upload's; the others are superseded by it.
-- params: none
UPDATE reps AS r
SET superseded_by = latest.upload_id
FROM (
    SELECT rep_key, max(upload_id) AS upload_id
    FROM reps
    WHERE superseded_by IS NULL
    GROUP BY rep_key
    HAVING count(*) > 1
) latest
WHERE r.rep_key = latest.rep_key AND r.superseded_by IS NULL AND r.upload_id < latest.upload_id
