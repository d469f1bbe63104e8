-- Whether every activity kind of the file has a hash of its own (ingest_activity_kinds).
-- params: none
SELECT count(DISTINCT kind_hash) = count(*) FROM activity_kinds
