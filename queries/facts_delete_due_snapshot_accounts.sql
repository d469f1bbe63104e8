-- Removes the open-deal accounts of the due weeks, before they are recomputed.
-- params: none
DELETE FROM snapshot_account_weeks WHERE week IN (SELECT week FROM snapshot_weeks_due)
