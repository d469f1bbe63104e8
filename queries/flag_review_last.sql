-- The latest week whose flags were reviewed (NULL before the first review).
-- params: none
SELECT max(week) AS week FROM flag_reviews
