-- Stores the valid activity rows under their keys (the content key, or the one
-- ingest_keys_activities gave a repeated row) unless a key is stored already, with their
-- category (first-meeting flag, else activity_kinds: the first matching rule, else
-- 'other'). Each CTE is used once, so that none is materialized.
-- params: $upload_id BIGINT
INSERT INTO activities BY NAME
WITH keyed AS (
    SELECT c.*, coalesce(r.stored_key, c.activity_key) AS stored_key
    FROM clean c
    LEFT JOIN repeats r ON r._row = c._row
    WHERE len(c.problems) = 0 AND r.same_as_row IS NULL
),
fresh AS (
    SELECT k.* FROM keyed k ANTI JOIN activities a ON a.activity_key = k.stored_key
)
SELECT
    f.stored_key AS activity_key, f.activity_id AS source_id, f.rep, f.activity_date, f.activity_time,
    f.activity_type,
    CASE WHEN f.first_meeting THEN 'first_meeting' ELSE coalesce(k.category, 'other') END AS category,
    f.subject, f.subtype, f.duration_minutes, f.outcome, f.account, f.target_account, $upload_id AS upload_id
FROM fresh f
JOIN activity_kinds k
    ON f.activity_type IS NOT DISTINCT FROM k.activity_type AND f.subtype IS NOT DISTINCT FROM k.subtype
   AND f.subject IS NOT DISTINCT FROM k.subject AND f.outcome IS NOT DISTINCT FROM k.outcome
