-- Where the records of raw_records sit in the spreadsheet: the first data row's number,
-- the rejected lines DuckDB left out ($reject_shift[j] = record index of the j-th rejected
-- line minus j), the first record's rowid and the rowid of the first line that ends the
-- report. One row, read by the view `raw` (ingest_raw_view), which cannot take parameters.
-- params: $first_data_row BIGINT, $reject_shift BIGINT[]
CREATE OR REPLACE TEMP TABLE raw_layout AS
SELECT
    $first_data_row::BIGINT AS first_data_row,
    $reject_shift::BIGINT[] AS reject_shift,
    (SELECT min(rowid) FROM raw_records) AS first_rowid,
    (SELECT coalesce(min(rowid), 9223372036854775807) FROM raw_records WHERE _report_end) AS end_rowid
