-- The staged columns of a pipeline file: one text column per canonical
-- field, empty; ingest_stage puts the file's cells under these names in the view `stage`.
-- params: none
CREATE OR REPLACE TEMP TABLE stage_columns (
    _row BIGINT, opportunity_id VARCHAR, opportunity_name VARCHAR, owner VARCHAR, account VARCHAR,
    stage VARCHAR, amount VARCHAR, created_date VARCHAR, close_date VARCHAR, status VARCHAR,
    lead_source VARCHAR, snapshot_date VARCHAR
)
