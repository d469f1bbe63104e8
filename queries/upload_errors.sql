-- The rejected rows' problems of one upload ($kept false), or the cells left blank on kept
-- rows ($kept true), in file order.
-- params: $upload_id BIGINT, $limit BIGINT, $kept BOOLEAN
SELECT row_number AS row, column_name AS column, value, reason AS message
FROM rejected_rows
WHERE upload_id = $upload_id AND row_kept = $kept
ORDER BY row_number, column_name
LIMIT $limit
