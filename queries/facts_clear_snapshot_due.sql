-- Empties the list of due snapshot weeks once they are recomputed.
-- params: none
DELETE FROM snapshot_weeks_due
