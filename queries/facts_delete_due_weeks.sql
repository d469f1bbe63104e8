-- Removes the weekly facts of the due (name, week) pairs, before they are recomputed.
-- params: none
DELETE FROM activity_weeks w
USING activity_weeks_due d
WHERE w.name_key = d.name_key AND w.week = d.week
