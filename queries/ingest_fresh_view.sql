-- The activity rows this file adds, as they will be stored (without the upload), as view
-- `fresh`: the rows of `clean` not in `kept_out` (ingest_kept_out), under
-- their keys (the content key, or the one ingest_keys_activities gave a repeated row) and
-- categories, and whether each counts as a connect if it is a call (`connected`, not stored: the
-- weekly facts read it). A view over tables made before the upload's transaction, not a copy: the
-- insert and the weekly facts each read only the columns they need, and nothing in it
-- changes when the rows are stored.
-- params: none
CREATE OR REPLACE TEMP VIEW fresh AS
SELECT
    coalesce(r.stored_key, c.activity_key) AS activity_key,
    c.activity_id AS source_id,
    c.rep,
    c.activity_date,
    c.activity_time,
    c.activity_type,
    c.category,
    c.subject,
    c.subtype,
    c.duration_minutes,
    c.outcome,
    c.account,
    c.target_account,
    c.connected
FROM clean c
LEFT JOIN repeats r ON r._row = c._row
ANTI JOIN kept_out o ON o._row = c._row
