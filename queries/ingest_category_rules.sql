-- The activity category rules, in the order they are tried (first match wins).
-- params: none
SELECT field, pattern, category FROM activity_category_rules ORDER BY priority
