-- Stores the activity rows the file adds (view `fresh`, ingest_fresh_view).
-- params: $upload_id BIGINT
INSERT INTO activities BY NAME
SELECT *, $upload_id AS upload_id FROM fresh
