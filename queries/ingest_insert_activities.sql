-- Stores the activity rows the file adds (view `fresh`, ingest_fresh_view; its `connected` is read
-- by the weekly facts only).
-- params: $upload_id BIGINT
INSERT INTO activities BY NAME
SELECT * EXCLUDE (connected), $upload_id AS upload_id FROM fresh
