-- Keeps every problem found while cleaning, with the file's own column name.
-- params: $upload_id BIGINT, $fields VARCHAR[], $headers VARCHAR[]
INSERT INTO rejected_rows (upload_id, row_number, column_name, value, reason)
SELECT $upload_id, _row, map($fields, $headers)[p.field], p.value, p.reason
FROM (SELECT _row, unnest(problems) AS p FROM clean)
