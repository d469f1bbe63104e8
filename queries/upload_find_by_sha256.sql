-- A live (not undone) upload of exactly this file content, if any.
-- params: $sha256 VARCHAR
SELECT upload_id, file_name, kind, source, rows_read, rows_loaded, rows_rejected, duplicates_skipped
FROM uploads
WHERE sha256 = $sha256 AND undone_at IS NULL
ORDER BY upload_id
LIMIT 1
