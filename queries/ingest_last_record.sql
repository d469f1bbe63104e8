-- The last record of `raw_records` that is a row (rowid and cells), where a file's reading
-- stopped at a quote that is never closed (see read._cut_short).
-- params: none
SELECT rowid, concat_ws(chr(31), *COLUMNS(* EXCLUDE (_filled, _footer_line, _report_end))) AS cells
FROM raw_records
WHERE _filled AND NOT _footer_line
ORDER BY rowid DESC
LIMIT 1
