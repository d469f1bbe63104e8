-- The next time off's id (the writer holds its turn: no other insert comes between).
-- params: none
SELECT coalesce(max(time_off_id), 0) + 1 FROM time_off
