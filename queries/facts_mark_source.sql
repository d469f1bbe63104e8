-- Marks the (name, week) pairs of every activity uploaded from one source as due for
-- recomputing (a new category rule may have changed any of them).
-- params: $source VARCHAR
INSERT INTO activity_weeks_due
SELECT DISTINCT lower(trim(a.rep)), date_trunc('week', a.activity_date)::DATE
FROM activities a
JOIN uploads u ON u.upload_id = a.upload_id
WHERE u.source = $source
