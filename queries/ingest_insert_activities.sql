-- Stores the valid activity rows under their keys (the content key, or the one
-- ingest_keys_activities gave a repeated row) unless a key is stored already, with their
-- category (first-meeting flag, else activity_kinds: the first matching rule, else
-- 'other'). The category is joined to the file's rows before the stored keys are: so the
-- hash table is built on the few kinds, not on the file's rows with every column (DuckDB
-- picks the smaller-looking side, and after the anti join the file's rows looked smaller).
-- The CTE is used once, so it is not materialized.
-- params: $upload_id BIGINT
INSERT INTO activities BY NAME
WITH keyed AS (
    SELECT
        c.*,
        coalesce(r.stored_key, c.activity_key) AS stored_key,
        CASE WHEN c.first_meeting THEN 'first_meeting' ELSE coalesce(k.category, 'other') END AS category
    FROM clean c
    JOIN activity_kinds k
        ON c.activity_type IS NOT DISTINCT FROM k.activity_type AND c.subtype IS NOT DISTINCT FROM k.subtype
       AND c.subject IS NOT DISTINCT FROM k.subject AND c.outcome IS NOT DISTINCT FROM k.outcome
    LEFT JOIN repeats r ON r._row = c._row
    WHERE len(c.problems) = 0 AND r.same_as_row IS NULL
)
SELECT
    f.stored_key AS activity_key, f.activity_id AS source_id, f.rep, f.activity_date, f.activity_time,
    f.activity_type, f.category, f.subject, f.subtype, f.duration_minutes, f.outcome, f.account,
    f.target_account, $upload_id AS upload_id
FROM keyed f
ANTI JOIN activities a ON a.activity_key = f.stored_key
