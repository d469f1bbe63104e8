-- Stores the valid activity rows not seen before (natural key), with their category
-- (first-meeting flag, else activity_kinds: the first matching rule, else 'other').
-- Each CTE is used once, so that none is materialized.
-- params: $upload_id BIGINT
INSERT INTO activities
WITH firsts AS (
    -- the first valid row of each key in the file (a join: quicker than a window)
    SELECT activity_key, min(_row) AS _row FROM clean WHERE len(problems) = 0 GROUP BY activity_key
),
fresh AS (
    SELECT c.*
    FROM clean c
    SEMI JOIN firsts f ON f.activity_key = c.activity_key AND f._row = c._row
    ANTI JOIN activities a ON a.activity_key = c.activity_key
)
SELECT
    f.activity_key, f.activity_id, f.rep, f.activity_date, f.activity_time, f.activity_type,
    CASE WHEN f.first_meeting THEN 'first_meeting' ELSE coalesce(k.category, 'other') END,
    f.subject, f.duration_minutes, f.outcome, f.account, f.target_account, $upload_id
FROM fresh f
JOIN activity_kinds k
    ON f.activity_type IS NOT DISTINCT FROM k.activity_type AND f.subject IS NOT DISTINCT FROM k.subject
