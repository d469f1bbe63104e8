-- The currencies the valid rows of the cleaned pipeline file name, with how many rows each.
-- params: none
SELECT currency, count(*) AS rows FROM clean WHERE len(problems) = 0 AND currency IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1
