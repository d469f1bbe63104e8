-- Empties the list of due (owner, week) pairs of the stalled-deal facts once they are recomputed.
-- params: none
DELETE FROM stage_weeks_due
