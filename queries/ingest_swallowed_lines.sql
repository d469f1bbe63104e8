-- Records whose cell took in whole lines of the file (a quote opened and never closed, or
-- closed lines later): a line break inside a cell, followed by a line with as many
-- delimiters as a row has ($pattern, built from the file's delimiter and width). Runs only
-- on files where a quoted value spans lines. Returns the record's rowid and its cells.
-- params: $pattern VARCHAR
SELECT rowid, cells
FROM (
    SELECT rowid, _filled, concat_ws(chr(31), *COLUMNS(* EXCLUDE (_filled, _footer_line, _report_end))) AS cells
    FROM raw_records
)
WHERE _filled AND regexp_matches(cells, $pattern)
