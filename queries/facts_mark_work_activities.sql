-- Marks as due the (rep, week) pairs of the open-deals-worked facts whose activities changed: the reps
-- of the due (name, week) pairs of the activity facts, before those are cleared.
-- params: none
INSERT INTO deal_work_weeks_due
SELECT DISTINCT al.rep, d.week
FROM activity_weeks_due d
JOIN deal_aliases al ON al.alias = d.name_key
