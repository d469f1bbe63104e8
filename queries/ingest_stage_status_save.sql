-- Remembers what one stage of a source's pipeline means (won, lost or open).
-- params: $source VARCHAR, $stage VARCHAR, $status VARCHAR
MERGE INTO stage_statuses AS saved
USING (SELECT $source AS source, lower(trim($stage)) AS stage, $status AS status) AS given
ON saved.source = given.source AND saved.stage = given.stage
WHEN MATCHED THEN UPDATE SET status = given.status, saved_at = current_timestamp
WHEN NOT MATCHED THEN INSERT (source, stage, status) VALUES (given.source, given.stage, given.status)
