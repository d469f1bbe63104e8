-- The commonest types, subtypes and subjects among the activities of one upload that no
-- rule categorized ('other'): what the user may want to assign to a category.
-- params: $upload_id BIGINT, $limit BIGINT
WITH other AS (
    SELECT activity_type, subtype, subject FROM activities WHERE upload_id = $upload_id AND category = 'other'
),
counted AS (
    SELECT 'type' AS field, activity_type AS value, count(*) AS rows FROM other WHERE activity_type IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'subtype', subtype, count(*) FROM other WHERE subtype IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'subject', subject, count(*) FROM other WHERE subject IS NOT NULL GROUP BY ALL
)
SELECT field, value, rows FROM counted
QUALIFY row_number() OVER (PARTITION BY field ORDER BY rows DESC, value) <= $limit
ORDER BY field, rows DESC, value
