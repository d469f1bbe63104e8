-- Removes one recorded time off; returns what it held (no row: there was none).
-- params: $time_off_id BIGINT
DELETE FROM time_off WHERE time_off_id = $time_off_id RETURNING rep, date_from, date_to
