-- The staged columns of a roster file: one text column per canonical
-- field, empty; ingest_stage puts the file's cells under these names in the view `stage`.
-- params: none
CREATE OR REPLACE TEMP TABLE stage_columns (
    _row BIGINT, rep VARCHAR, email VARCHAR, team VARCHAR, manager VARCHAR, start_date VARCHAR,
    end_date VARCHAR, active VARCHAR
)
