-- Leaves out of the cleaned activity file the valid rows whose status says the work is not
-- done (counted first by ingest_not_done_counts): they are neither stored nor rejected, so a
-- later export that shows them completed stores them then.
-- params: $not_done VARCHAR[]
DELETE FROM clean WHERE len(problems) = 0 AND list_contains($not_done, lower(task_status))
