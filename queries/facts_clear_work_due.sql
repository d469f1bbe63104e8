-- Empties the list of due (rep, week) pairs of the open-deals-worked facts once they are recomputed.
-- params: none
DELETE FROM deal_work_weeks_due
