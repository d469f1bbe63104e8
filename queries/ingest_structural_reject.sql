-- Keeps one line that could not be read as a row of the table.
-- params: $upload_id BIGINT, $row BIGINT, $value VARCHAR, $reason VARCHAR
INSERT INTO rejected_rows (upload_id, row_number, column_name, value, reason)
VALUES ($upload_id, $row, NULL, $value, $reason)
