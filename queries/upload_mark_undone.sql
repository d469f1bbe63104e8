-- Marks an upload as undone (`upload_find` says first whether it was undone already).
-- params: $upload_id BIGINT, $undone_by VARCHAR
UPDATE uploads
SET undone_at = current_timestamp, undone_by = $undone_by
WHERE upload_id = $upload_id AND undone_at IS NULL
