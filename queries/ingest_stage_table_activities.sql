-- Staging table for an activity file: one text column per canonical field.
-- params: none
CREATE OR REPLACE TEMP TABLE stage (
    _row BIGINT, activity_id VARCHAR, rep VARCHAR, date VARCHAR, time VARCHAR, type VARCHAR,
    subject VARCHAR, duration VARCHAR, outcome VARCHAR, account VARCHAR, first_meeting VARCHAR,
    target_account VARCHAR
)
