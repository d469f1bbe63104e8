-- A lake's upkeep, step 1: rows inlined into the catalog (small inserts) go into Parquet files.
-- params: none
SELECT coalesce(sum(rows_flushed), 0) FROM ducklake_flush_inlined_data('lake')
