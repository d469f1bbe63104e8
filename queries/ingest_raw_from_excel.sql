-- Copies the registered Arrow table of Excel rows into `raw`, marking report footers.
-- params: none
CREATE OR REPLACE TEMP TABLE raw AS
SELECT
    _row,
    coalesce(is_report_footer(coalesce(*COLUMNS(* EXCLUDE (_row)))), false) AS _footer,
    COLUMNS(* EXCLUDE (_row))
FROM excel_rows
