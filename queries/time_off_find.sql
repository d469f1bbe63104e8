-- One recorded time off by its id.
-- params: $time_off_id BIGINT
SELECT time_off_id, rep, date_from, date_to, note FROM time_off WHERE time_off_id = $time_off_id
