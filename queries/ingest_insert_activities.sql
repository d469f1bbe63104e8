-- Stores the activity rows the file adds (temp table `fresh`, ingest_fresh_activities).
-- params: $upload_id BIGINT
INSERT INTO activities BY NAME
SELECT *, $upload_id AS upload_id FROM fresh
