-- Marks the (name, week) pairs of one upload's activities as due for recomputing.
-- params: $upload_id BIGINT
INSERT INTO activity_weeks_due
SELECT DISTINCT lower(trim(rep)), date_trunc('week', activity_date)::DATE
FROM activities
WHERE upload_id = $upload_id
