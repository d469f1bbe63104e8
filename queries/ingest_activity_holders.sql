-- Records that this upload also holds the activities of its file that another upload stored
-- (rows skipped as already stored), so that undoing that upload keeps them.
-- params: $upload_id BIGINT
INSERT INTO activity_holders (activity_key, upload_id)
SELECT DISTINCT k.stored_key, $upload_id
FROM (
    SELECT coalesce(r.stored_key, c.activity_key) AS stored_key
    FROM clean c
    LEFT JOIN repeats r ON r._row = c._row
    WHERE len(c.problems) = 0 AND r.same_as_row IS NULL
) k
SEMI JOIN activities a ON a.activity_key = k.stored_key AND a.upload_id <> $upload_id
