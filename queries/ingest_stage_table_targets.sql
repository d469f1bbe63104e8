-- The staged columns of a targets file: one text column per canonical
-- field, empty; ingest_stage puts the file's cells under these names in the view `stage`.
-- params: none
CREATE OR REPLACE TEMP TABLE stage_columns (
    _row BIGINT, metric VARCHAR, value VARCHAR, period VARCHAR, team VARCHAR, rep VARCHAR,
    effective_from VARCHAR, effective_to VARCHAR
)
