-- Resolves an open episode: the reviewed week no longer raises it.
-- params: $flag_id BIGINT, $week DATE
UPDATE flags SET resolved_week = $week WHERE flag_id = $flag_id AND resolved_week IS NULL
