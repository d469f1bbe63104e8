-- Records that a flag was discussed (e.g. in a 1:1), by whom and when.
-- params: $flag_id BIGINT, $week DATE, $severity VARCHAR, $note VARCHAR, $by_whom VARCHAR
INSERT INTO flag_acknowledgements (flag_id, week, severity, note, by_whom)
VALUES ($flag_id, $week, $severity, $note, $by_whom)
