-- The staged columns of a target-accounts file: one text column per canonical
-- field, empty; ingest_stage puts the file's cells under these names in the view `stage`.
-- params: none
CREATE OR REPLACE TEMP TABLE stage_columns (_row BIGINT, account VARCHAR, rep VARCHAR, team VARCHAR)
