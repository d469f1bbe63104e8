-- Removes the stalled-deal facts of the due (owner, week) pairs, before they are recomputed.
-- params: none
DELETE FROM stage_weeks w
USING stage_weeks_due d
WHERE w.name_key = d.name_key AND w.week = d.week
