-- Puts back an acknowledgement (with its original time) on the episode its week now belongs to.
-- params: $flag_id BIGINT, $week DATE, $severity VARCHAR, $note VARCHAR, $by_whom VARCHAR, $acked_at TIMESTAMP
INSERT INTO flag_acknowledgements (flag_id, week, severity, note, by_whom, acked_at)
VALUES ($flag_id, $week, $severity, $note, $by_whom, $acked_at)
