-- The activity categories stored, by any upload, in the weeks (Monday to Sunday) that one
-- upload's activities span: a metric category a file left empty that another upload brings
-- for the same weeks is not missing (reports.empty_categories, batch.settle).
-- params: $upload_id BIGINT
WITH span AS (
    SELECT date_trunc('week', min(activity_date)) AS first_day,
        date_trunc('week', max(activity_date)) + INTERVAL 6 DAY AS last_day
    FROM activities
    WHERE upload_id = $upload_id
)
SELECT DISTINCT a.category
FROM activities a, span s
WHERE a.activity_date BETWEEN s.first_day AND s.last_day
ORDER BY a.category
