-- Empties the list of due (owner, week) pairs of the created / closed facts once recomputed.
-- params: none
DELETE FROM opportunity_weeks_due
