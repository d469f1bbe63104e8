-- Staging table for a roster file: one text column per canonical field.
-- params: none
CREATE OR REPLACE TEMP TABLE stage (
    _row BIGINT, rep VARCHAR, email VARCHAR, team VARCHAR, manager VARCHAR, start_date VARCHAR,
    end_date VARCHAR, active VARCHAR
)
