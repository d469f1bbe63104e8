-- Drops a user's earlier rule for the same source, field and pattern (an assignment replaces it).
-- params: $source VARCHAR, $field VARCHAR, $pattern VARCHAR
DELETE FROM activity_category_rules WHERE source = $source AND field = $field AND pattern = $pattern
