-- The date a pipeline file without an "as of" column describes: the latest created, close,
-- closed or modified date in it that is not after $upload_date (expected close dates of open
-- deals lie ahead and say nothing about when the list was taken). NULL: no such date.
-- params: $upload_date DATE
SELECT max(d) AS snapshot_date
FROM (
    SELECT unnest([created_date, close_date, closed_date, modified_date]) AS d
    FROM clean
    WHERE len(problems) = 0
)
WHERE d <= $upload_date
