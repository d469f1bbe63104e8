-- Copies the registered Arrow table of Excel rows into `raw`, marking report footers
-- and every row after the end of a report (see ingest_read_csv and ingest_raw_view).
-- params: none
CREATE OR REPLACE TEMP TABLE raw AS
WITH report_end AS (
    SELECT coalesce(min(_row), 9223372036854775807) AS first_row
    FROM excel_rows
    WHERE is_report_end(coalesce(*COLUMNS(* EXCLUDE (_row))))
)
SELECT
    _row,
    coalesce(is_report_footer(coalesce(*COLUMNS(* EXCLUDE (_row, first_row)))), false)
        OR _row >= first_row AS _footer,
    COLUMNS(* EXCLUDE (_row, first_row))
FROM excel_rows, report_end
