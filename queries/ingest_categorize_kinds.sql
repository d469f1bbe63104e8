-- Gives the activity kinds that no earlier rule matched this rule's category, where the
-- rule's pattern (in variable ingest_rule_pattern) matches its field, ignoring case.
-- params: $field VARCHAR, $category VARCHAR
UPDATE activity_kinds
SET category = $category
WHERE category IS NULL
  AND regexp_matches(
      CASE $field WHEN 'type' THEN activity_type WHEN 'subtype' THEN subtype WHEN 'outcome' THEN outcome
          ELSE subject END,
      getvariable('ingest_rule_pattern'), 'i'
  )
