-- The rows of the cleaned activity file that it does not add, into temp table `kept_out`:
-- a rejected row (a problem of its own, or a manager's row outside their teams), a repeat of
-- an earlier row's record ID in this file, or a key (the content key, or the one
-- ingest_keys_activities gave a repeated row) stored already. Usually few, so the view
-- `fresh` (ingest_fresh_view) leaves them out through a small hash table, and the file's
-- rows are never copied whole. Made before the upload's transaction, in the
-- writer's turn (nothing else stores activities meanwhile).
-- params: none
CREATE OR REPLACE TEMP TABLE kept_out AS
SELECT c._row
FROM clean c
LEFT JOIN repeats r ON r._row = c._row
WHERE len(c.problems) > 0
   OR r.same_as_row IS NOT NULL
   OR coalesce(r.stored_key, c.activity_key) IN (SELECT activity_key FROM activities)
