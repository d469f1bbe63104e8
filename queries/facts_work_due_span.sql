-- The first and last due week of the open-deals-worked facts (NULLs when nothing is due).
-- params: none
SELECT min(week), max(week) FROM deal_work_weeks_due
