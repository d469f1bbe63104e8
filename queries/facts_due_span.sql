-- The first and last due week (NULLs when nothing is due).
-- params: none
SELECT min(week), max(week) FROM activity_weeks_due
