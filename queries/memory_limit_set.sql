-- Sets DuckDB's memory cap for the whole process ('500MB', '667.5 MiB'): see dashboard/memory_cap.py.
-- params: $limit VARCHAR
SET memory_limit = $limit
