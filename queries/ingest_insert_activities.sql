-- Stores the valid activity rows not seen before (natural key), with their category
-- from activity_category_rules (first matching rule; first-meeting flag wins).
-- params: $upload_id BIGINT
INSERT INTO activities
WITH fresh AS (
    SELECT *
    FROM clean c
    WHERE len(c.problems) = 0
      AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.activity_key = c.activity_key)
    QUALIFY row_number() OVER (PARTITION BY activity_key ORDER BY _row) = 1
),
kinds AS (
    SELECT DISTINCT activity_type, subject FROM fresh
),
categorized AS (
    SELECT k.activity_type, k.subject, coalesce(arg_min(r.category, r.priority), 'other') AS category
    FROM kinds k
    LEFT JOIN activity_category_rules r
        ON regexp_matches(CASE r.field WHEN 'type' THEN k.activity_type ELSE k.subject END, r.pattern, 'i')
    GROUP BY ALL
)
SELECT
    f.activity_key, f.activity_id, f.rep, f.activity_date, f.activity_time, f.activity_type,
    CASE WHEN f.first_meeting THEN 'first_meeting' ELSE c.category END,
    f.subject, f.duration_minutes, f.outcome, f.account, f.target_account, $upload_id
FROM fresh f
JOIN categorized c
    ON f.activity_type IS NOT DISTINCT FROM c.activity_type AND f.subject IS NOT DISTINCT FROM c.subject
