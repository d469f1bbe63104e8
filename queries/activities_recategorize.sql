-- Gives stored activities from uploads of one source the category of a new rule, where the
-- rule's pattern matches the field it reads (ignoring case). Returns the rows changed.
-- params: $source VARCHAR, $field VARCHAR, $pattern VARCHAR, $category VARCHAR
UPDATE activities AS a
SET category = $category
FROM uploads u
WHERE u.upload_id = a.upload_id
  AND u.source = $source
  AND a.category <> $category
  AND regexp_matches(
      CASE $field WHEN 'type' THEN a.activity_type WHEN 'subtype' THEN a.subtype ELSE a.subject END,
      $pattern, 'i'
  )
