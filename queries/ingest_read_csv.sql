-- Reads the body of a CSV (the lines after its header) as text, in file order.
-- Lines that do not split into the header's columns go to csv_reject_errors.
-- params: $path VARCHAR, $skip BIGINT, $delim VARCHAR, $columns STRUCT
CREATE OR REPLACE TEMP TABLE raw_records AS
SELECT *
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
    parallel = false
)
