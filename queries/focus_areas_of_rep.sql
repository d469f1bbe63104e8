-- Focus areas agreed with a rep before a week (latest agreement per metric and week).
-- params: $rep VARCHAR, $week DATE
SELECT DISTINCT ON (metric, week) week, metric, expectation, due_date
FROM focus_areas
WHERE rep = $rep AND week < $week
ORDER BY metric, week, agreed_at DESC
