-- Marks every (name, week) pair, stored or seen in the activities, as due (a full rebuild).
-- params: none
INSERT INTO activity_weeks_due
SELECT DISTINCT lower(trim(rep)), date_trunc('week', activity_date)::DATE FROM activities
UNION
SELECT name_key, week FROM activity_weeks
