-- All problem cells of one upload, for display and download: those of rejected rows, and
-- those left blank on rows that were kept (`outcome` says which).
-- params: $upload_id BIGINT
SELECT row_number AS row, column_name AS column, value, reason,
    CASE WHEN row_kept THEN 'row kept, cell left blank' ELSE 'row rejected' END AS outcome
FROM rejected_rows
WHERE upload_id = $upload_id
ORDER BY row_number, column_name
