-- Rejected cells of an upload that was never recorded (an ingest cut off while committing).
-- params: $upload_id BIGINT
DELETE FROM rejected_rows
WHERE upload_id = $upload_id AND NOT EXISTS (SELECT 1 FROM uploads u WHERE u.upload_id = $upload_id)
