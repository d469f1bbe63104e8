-- Records the counts of a stored upload and logs the change.
-- params: $upload_id BIGINT, $rows_read INTEGER, $rows_loaded INTEGER, $rows_rejected INTEGER, $duplicates_skipped INTEGER, $rows_replaced INTEGER
UPDATE uploads
SET rows_read = $rows_read, rows_loaded = $rows_loaded, rows_rejected = $rows_rejected,
    duplicates_skipped = $duplicates_skipped, rows_replaced = $rows_replaced
WHERE upload_id = $upload_id
