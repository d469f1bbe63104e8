-- How many valid rows of the cleaned activity file were not stored, by reason: repeats of a
-- record ID within the file (upload_id NULL), and keys stored already, per upload that
-- holds them (run after the insert).
-- params: $upload_id BIGINT
WITH keyed AS (
    SELECT coalesce(r.stored_key, c.activity_key) AS stored_key, r.same_as_row
    FROM clean c
    LEFT JOIN repeats r ON r._row = c._row
    WHERE len(c.problems) = 0
)
SELECT
    CASE WHEN k.same_as_row IS NOT NULL THEN NULL ELSE a.upload_id END AS upload_id,
    count(*) AS rows
FROM keyed k
LEFT JOIN activities a ON a.activity_key = k.stored_key AND a.upload_id <> $upload_id
WHERE k.same_as_row IS NOT NULL OR a.upload_id IS NOT NULL
GROUP BY ALL
ORDER BY upload_id NULLS FIRST
