-- The rejected cells of one upload, in file order.
-- params: $upload_id BIGINT, $limit BIGINT
SELECT row_number AS row, column_name AS column, value, reason AS message
FROM rejected_rows
WHERE upload_id = $upload_id
ORDER BY row_number, column_name
LIMIT $limit
