-- The valid rows of the cleaned activity file that were not stored, and why: a repeat of an
-- earlier row's record ID in this file, or a key stored already by a live upload (run after
-- the insert: the rows this upload stored are not counted).
-- params: $upload_id BIGINT, $limit BIGINT
WITH keyed AS (
    SELECT c._row, coalesce(r.stored_key, c.activity_key) AS stored_key, r.same_as_row
    FROM clean c
    LEFT JOIN repeats r ON r._row = c._row
    WHERE len(c.problems) = 0
)
SELECT
    k._row AS row,
    CASE WHEN k.same_as_row IS NOT NULL THEN 'same record ID as row ' || k.same_as_row || ' of this file'
         ELSE 'already stored (upload ' || a.upload_id || ')' END AS reason
FROM keyed k
LEFT JOIN activities a ON a.activity_key = k.stored_key AND a.upload_id <> $upload_id
WHERE k.same_as_row IS NOT NULL OR a.upload_id IS NOT NULL
ORDER BY k._row
LIMIT $limit
