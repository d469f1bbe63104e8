-- Removes the snapshot facts of the due weeks, before they are recomputed.
-- params: none
DELETE FROM snapshot_weeks WHERE week IN (SELECT week FROM snapshot_weeks_due)
