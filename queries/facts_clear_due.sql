-- Empties the list of due (name, week) pairs once they are recomputed.
-- params: none
DELETE FROM activity_weeks_due
