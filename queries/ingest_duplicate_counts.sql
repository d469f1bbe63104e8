-- How many valid rows of the cleaned activity file were not stored, by reason: repeats of a
-- record ID within the file, and keys stored already, per upload that holds them.
-- params: $upload_id BIGINT
SELECT
    CASE WHEN k.same_as_row IS NOT NULL THEN NULL ELSE a.upload_id END AS upload_id,
    count(*) AS rows
FROM keyed k
LEFT JOIN activities a ON a.activity_key = k.stored_key AND a.upload_id <> $upload_id
WHERE k.same_as_row IS NOT NULL OR a.upload_id IS NOT NULL
GROUP BY ALL
ORDER BY upload_id NULLS FIRST
