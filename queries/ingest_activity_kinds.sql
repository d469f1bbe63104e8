-- The distinct (type, subtype, subject, outcome) tuples of the cleaned activity file's valid
-- rows, each to get its category from activity_category_rules (see dashboard/ingest/rules.py).
-- params: none
CREATE OR REPLACE TEMP TABLE activity_kinds AS
SELECT DISTINCT activity_type, subtype, subject, outcome, NULL::VARCHAR AS category
FROM clean
WHERE len(problems) = 0
