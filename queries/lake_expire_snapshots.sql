-- A lake's upkeep, step 3: snapshots older than $days days expire (no time travel before them).
-- params: $days INTEGER
SELECT count(*) FROM ducklake_expire_snapshots('lake', older_than => now() - to_days($days))
