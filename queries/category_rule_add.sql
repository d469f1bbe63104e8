-- A user's category rule for one source: tried before everyone's rules (priority 1).
-- params: $source VARCHAR, $field VARCHAR, $pattern VARCHAR, $category VARCHAR
INSERT INTO activity_category_rules (priority, field, pattern, category, source)
VALUES (1, $field, $pattern, $category, $source)
