-- Marks every (owner, created or close week) pair of the snapshots, or held by the facts, as due
-- (a full rebuild).
-- params: none
INSERT INTO opportunity_weeks_due
SELECT DISTINCT lower(trim(owner)), date_trunc('week', day)::DATE
FROM (SELECT owner, unnest([created_date, close_date]) AS day FROM opportunity_snapshots)
WHERE day IS NOT NULL
UNION
SELECT name_key, week FROM opportunity_weeks
