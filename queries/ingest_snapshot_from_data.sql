-- The date a pipeline file without an "as of" column describes: the latest date in it that
-- records something that happened (a deal created, closed or modified, the close date of a
-- won or lost deal) and is not after $upload_date. Expected close dates of open deals are
-- plans, not events: they say nothing about when the list was taken. NULL: no such date.
-- Run after ingest_opportunity_statuses (temp table `statuses`).
-- params: $upload_date DATE
SELECT max(d) AS snapshot_date
FROM (
    SELECT unnest([c.created_date, c.closed_date, c.modified_date,
        CASE WHEN s.status <> 'open' THEN c.close_date END]) AS d
    FROM clean c
    JOIN statuses s
      ON c.status_text IS NOT DISTINCT FROM s.status_text AND c.stage IS NOT DISTINCT FROM s.stage
     AND c.is_won IS NOT DISTINCT FROM s.is_won AND c.is_closed IS NOT DISTINCT FROM s.is_closed
     AND c.active IS NOT DISTINCT FROM s.active
    WHERE len(c.problems) = 0
)
WHERE d <= $upload_date
