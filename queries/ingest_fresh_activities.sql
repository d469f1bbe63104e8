-- The activity rows this file adds, as they will be stored (without the upload): the valid
-- rows under their keys (the content key, or the one ingest_keys_activities gave a repeated
-- row) whose key is not stored yet, with their category (first-meeting flag, else
-- activity_kinds: the first matching rule, else 'other'). Made before the upload's
-- transaction, in the writer's turn (nothing else stores activities meanwhile): the insert
-- and the weekly facts then read a plain temp table, where a table written inside an open
-- transaction scans at about half the speed. The category is joined to the file's rows
-- before the stored keys are, so that the hash table is built on the few kinds, not on the
-- file's rows with every column (after the anti join DuckDB took them for the smaller side).
-- params: none
CREATE OR REPLACE TEMP TABLE fresh AS
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
    f.target_account
FROM keyed f
ANTI JOIN activities a ON a.activity_key = f.stored_key
