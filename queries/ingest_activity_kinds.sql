-- The distinct (type, subtype, subject, outcome) tuples of the staged activity file, read as
-- ingest_clean_activities reads them, each to get its category from activity_category_rules
-- (see dashboard/ingest/rules.py). Made before the clean, which joins each row to its kind:
-- tuples of rows the clean then rejects are categorized too, and never stored. The text is
-- read once per distinct tuple as written, not once per row. `kind_hash` is what the clean
-- joins on (one number, not four texts); $kind_seed is changed until no two kinds share one
-- (ingest_kind_hashes_unique). `connected`: the outcome says a call reached someone (is_connect), as
-- facts_insert_weeks counts a connect; tested here once per kind, the weekly facts of the new rows
-- (facts_fresh_groups) read it instead of matching the pattern on every call.
-- params: $implied_type VARCHAR, $kind_seed INTEGER
CREATE OR REPLACE TEMP TABLE activity_kinds AS
SELECT
    *,
    hash(activity_type, subtype, subject, outcome, $kind_seed) AS kind_hash,
    NULL::VARCHAR AS category,
    coalesce(is_connect(outcome), false) AS connected
FROM (
    SELECT DISTINCT
        coalesce(clean_text(type), $implied_type) AS activity_type,
        clean_text(subtype) AS subtype,
        clean_text(subject) AS subject,
        clean_text(outcome) AS outcome
    FROM (SELECT DISTINCT type, subtype, subject, outcome FROM stage)
)
