-- Staging table for a targets file: one text column per canonical field.
-- params: none
CREATE OR REPLACE TEMP TABLE stage (
    _row BIGINT, metric VARCHAR, value VARCHAR, period VARCHAR, team VARCHAR, rep VARCHAR,
    effective_from VARCHAR, effective_to VARCHAR
)
