-- Rows in the cleaned file, and how many of them have a problem.
-- params: none
SELECT count(*) AS rows, count(*) FILTER (len(problems) > 0) AS rejected FROM clean
