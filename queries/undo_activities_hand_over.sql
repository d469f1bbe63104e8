-- Before an upload's activities are removed: each one another live upload also held passes
-- to the earliest such upload (which stops being a mere holder of it).
-- params: $upload_id BIGINT
UPDATE activities AS a
SET upload_id = h.heir
FROM (
    SELECT h.activity_key, min(h.upload_id) AS heir
    FROM activity_holders h
    JOIN uploads u ON u.upload_id = h.upload_id AND u.undone_at IS NULL
    WHERE h.upload_id <> $upload_id
    GROUP BY h.activity_key
) h
WHERE a.upload_id = $upload_id AND a.activity_key = h.activity_key
