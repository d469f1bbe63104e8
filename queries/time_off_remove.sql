-- Removes one recorded time off (`time_off_find` says first whether there is one).
-- params: $time_off_id BIGINT
DELETE FROM time_off WHERE time_off_id = $time_off_id
