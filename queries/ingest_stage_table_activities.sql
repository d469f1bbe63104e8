-- The staged columns of an activity file: one text column per canonical
-- field, empty; ingest_stage puts the file's cells under these names in the view `stage`.
-- params: none
CREATE OR REPLACE TEMP TABLE stage_columns (
    _row BIGINT, activity_id VARCHAR, rep VARCHAR, date VARCHAR, time VARCHAR, type VARCHAR,
    subject VARCHAR, duration VARCHAR, outcome VARCHAR, account VARCHAR, first_meeting VARCHAR,
    target_account VARCHAR
)
