-- Staging table for a target-accounts file: one text column per canonical field.
-- params: none
CREATE OR REPLACE TEMP TABLE stage (_row BIGINT, account VARCHAR, rep VARCHAR, team VARCHAR)
