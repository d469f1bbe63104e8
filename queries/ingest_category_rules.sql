-- The activity category rules that apply to a file from this source, in the order they are
-- tried (first match wins): the user's own rules for the source, then everyone's.
-- params: $source VARCHAR
SELECT field, pattern, category
FROM activity_category_rules
WHERE source IS NULL OR source = $source
ORDER BY priority, source NULLS LAST
