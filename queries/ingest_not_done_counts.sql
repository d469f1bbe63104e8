-- The valid rows of the cleaned activity file whose status says the work is not done (a task
-- not started, in progress or deferred, an activity open, scheduled or canceled), by status as
-- the file writes it, commonest first: they are left out (ingest_drop_not_done).
-- params: $not_done VARCHAR[]
SELECT task_status, count(*) AS rows
FROM clean
WHERE len(problems) = 0 AND list_contains($not_done, lower(task_status))
GROUP BY task_status
ORDER BY rows DESC, task_status
