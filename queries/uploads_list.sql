-- Every upload, newest first, with its counts, who loaded it and who undid it.
-- $by: only the uploads of that user (a manager's own), NULL: everyone's.
-- params: $by VARCHAR
SELECT
    upload_id, file_name, kind, source, file_format,
    CASE WHEN undone_at IS NULL THEN 'loaded' ELSE 'undone' END AS status,
    rows_read, rows_loaded, rows_rejected, duplicates_skipped, rows_replaced,
    uploaded_at, uploaded_by, undone_at, undone_by
FROM uploads
WHERE $by IS NULL OR uploaded_by = $by
ORDER BY upload_id DESC
