-- A lake's upkeep, step 4: files no snapshot needs any more, scheduled for deletion more than
-- $days days ago, are deleted (a reader still scanning them has long finished).
-- params: $days INTEGER
SELECT count(*) FROM ducklake_cleanup_old_files('lake', older_than => now() - to_days($days))
