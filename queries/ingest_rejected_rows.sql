-- Keeps every problem found while cleaning, with the file's own column name: every problem
-- cell of a rejected row, and the cells left blank on kept rows (`row_kept`).
-- params: $upload_id BIGINT, $fields VARCHAR[], $headers VARCHAR[]
INSERT INTO rejected_rows (upload_id, row_number, column_name, value, reason, row_kept)
SELECT $upload_id, _row, map($fields, $headers)[p.field], p.value, p.reason, kept
FROM (
    SELECT _row, unnest(problems || warnings) AS p, false AS kept FROM clean WHERE len(problems) > 0
    UNION ALL
    SELECT _row, unnest(warnings), true FROM clean WHERE len(warnings) > 0 AND len(problems) = 0
)
