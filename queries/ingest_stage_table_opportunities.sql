-- Staging table for a pipeline file: one text column per canonical field.
-- params: none
CREATE OR REPLACE TEMP TABLE stage (
    _row BIGINT, opportunity_id VARCHAR, opportunity_name VARCHAR, owner VARCHAR, account VARCHAR,
    stage VARCHAR, amount VARCHAR, created_date VARCHAR, close_date VARCHAR, status VARCHAR,
    lead_source VARCHAR, snapshot_date VARCHAR
)
