-- Keeps of the cleaned activity file only what is read once its new rows are in temp table
-- `fresh` (ingest_fresh_activities): the row, rep, key and problems, for the rejected rows,
-- the duplicates and the unresolved user IDs. A large file's typed columns then no longer
-- take up, twice, the memory the insert and the weekly facts need.
-- params: none
CREATE OR REPLACE TEMP TABLE clean AS
SELECT _row, rep, activity_key, problems, warnings FROM clean
