-- The spreadsheet row number of records of `raw_records`, by rowid (see ingest_raw_view).
-- params: $rowids BIGINT[]
SELECT
    r.rowid,
    (r.rowid - l.first_rowid + l.first_data_row + CASE
        WHEN len(l.reject_shift) = 0 THEN 0
        ELSE len(list_filter(l.reject_shift, s -> s <= r.rowid - l.first_rowid))
    END)::BIGINT AS row
FROM raw_records r, raw_layout l
WHERE list_contains($rowids, r.rowid)
