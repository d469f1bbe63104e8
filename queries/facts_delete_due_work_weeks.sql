-- Removes the open-deals-worked facts of the due (rep, week) pairs, before they are recomputed.
-- params: none
DELETE FROM deal_work_weeks w
USING deal_work_weeks_due d
WHERE w.rep = d.rep AND w.week = d.week
