-- Every upload, newest first, with its counts and whether it was undone.
-- params: none
SELECT
    upload_id, file_name, kind, source, file_format,
    CASE WHEN undone_at IS NULL THEN 'loaded' ELSE 'undone' END AS status,
    rows_read, rows_loaded, rows_rejected, duplicates_skipped, rows_replaced,
    uploaded_at, uploaded_by, undone_at
FROM uploads
ORDER BY upload_id DESC
