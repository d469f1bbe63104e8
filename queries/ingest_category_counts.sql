-- How the activities one upload stored were categorized.
-- params: $upload_id BIGINT
SELECT category, count(*) AS rows FROM activities WHERE upload_id = $upload_id GROUP BY category ORDER BY rows DESC
