-- Removes the created / closed facts of the due (owner, week) pairs, before they are recomputed.
-- params: none
DELETE FROM opportunity_weeks w
USING opportunity_weeks_due d
WHERE w.name_key = d.name_key AND w.week = d.week
