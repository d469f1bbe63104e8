-- The earliest week whose flags were reviewed and stored (NULL before the first review).
-- params: none
SELECT min(week) AS week FROM flag_reviews
