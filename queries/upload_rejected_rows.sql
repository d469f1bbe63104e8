-- All rejected cells of one upload, for display and download.
-- params: $upload_id BIGINT
SELECT row_number AS row, column_name AS column, value, reason
FROM rejected_rows
WHERE upload_id = $upload_id
ORDER BY row_number, column_name
