-- Numbers each record as a spreadsheet would (header row + 1 for the first record,
-- counting the rejected lines DuckDB left out), drops empty records and marks
-- report footers ("Grand Totals (12 records)", "Copyright ...").
-- $reject_shift[j] = record index of the j-th rejected line minus j.
-- params: $first_data_row BIGINT, $reject_shift BIGINT[]
CREATE OR REPLACE TEMP TABLE raw AS
WITH numbered AS (
    -- rowids of a table made in a transaction start at an offset but stay contiguous
    SELECT rowid - min(rowid) OVER () AS record, * FROM raw_records
)
SELECT
    (record + $first_data_row + len(list_filter($reject_shift::BIGINT[], s -> s <= record)))::BIGINT AS _row,
    coalesce(is_report_footer(coalesce(*COLUMNS(* EXCLUDE (record)))), false) AS _footer,
    COLUMNS(* EXCLUDE (record))
FROM numbered
WHERE coalesce(coalesce(*COLUMNS(* EXCLUDE (record))), chr(0)) <> chr(0)
