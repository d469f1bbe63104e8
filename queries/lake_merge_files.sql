-- A lake's upkeep, step 2: small adjacent Parquet files of a table merged into larger ones.
-- params: none
SELECT coalesce(sum(files_processed), 0) FROM ducklake_merge_adjacent_files('lake')
