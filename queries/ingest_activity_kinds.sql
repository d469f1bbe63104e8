-- The distinct (type, subtype, subject, outcome) tuples of the staged activity file, read as
-- ingest_clean_activities reads them, each to get its category from activity_category_rules
-- (see dashboard/ingest/rules.py). Made before the clean, which joins each row to its kind:
-- tuples of rows the clean then rejects are categorized too, and never stored. The text is
-- read once per distinct tuple as written, not once per row.
-- params: $implied_type VARCHAR
CREATE OR REPLACE TEMP TABLE activity_kinds AS
SELECT DISTINCT
    coalesce(clean_text(type), $implied_type) AS activity_type,
    clean_text(subtype) AS subtype,
    clean_text(subject) AS subject,
    clean_text(outcome) AS outcome,
    NULL::VARCHAR AS category
FROM (SELECT DISTINCT type, subtype, subject, outcome FROM stage)
