-- Reads the body of a CSV (the lines after its header) as text, in file order, marking
-- each record as it goes: `_filled` (some cell has a character other than a space, tab,
-- line end or no-break space), `_footer_line` (a report footer or subtotal line such as
-- "Grand Totals (12 records)") and `_report_end` (a line that ends a report: nothing after
-- it is data). Lines that do not split into the header's columns go to csv_reject_errors.
-- $parallel: false when a quoted value spans lines (DuckDB's parallel reader cannot place
-- record starts then, see read.py).
-- params: $path VARCHAR, $skip BIGINT, $delim VARCHAR, $columns STRUCT, $parallel BOOLEAN
CREATE OR REPLACE TEMP TABLE raw_records AS
SELECT
    *,
    -- the first cell's first character is tried first, then the whole first cell, then all
    -- of them joined: each later test is slower, and a CASE runs it only on the rows left
    CASE
        WHEN ascii(coalesce(*COLUMNS(*))) > 32 AND ascii(coalesce(*COLUMNS(*))) <> 160 THEN true
        WHEN regexp_matches(coalesce(*COLUMNS(*)), '[^ \t\n\r\x{00A0}]') THEN true
        ELSE coalesce(regexp_matches(concat_ws('', *COLUMNS(*)), '[^ \t\n\r\x{00A0}]'), false)
    END AS _filled,
    coalesce(is_report_footer(coalesce(*COLUMNS(*))), false) AS _footer_line,
    -- every report end is a footer line too: only those are tried
    CASE
        WHEN coalesce(is_report_footer(coalesce(*COLUMNS(*))), false) THEN coalesce(is_report_end(coalesce(*COLUMNS(*))), false)
        ELSE false
    END AS _report_end
FROM read_csv(
    $path,
    auto_detect = false,
    header = false,
    skip = $skip,
    delim = $delim,
    quote = '"',
    escape = '"',
    columns = $columns,
    null_padding = true,
    store_rejects = true,
    rejects_table = 'csv_reject_errors',
    rejects_scan = 'csv_reject_scans',
    max_line_size = 10000000,
    parallel = $parallel
)
