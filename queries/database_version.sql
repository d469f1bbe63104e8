-- A number that grows with every change to the data.
-- params: none
SELECT coalesce(max(change_id), 0) FROM change_log
