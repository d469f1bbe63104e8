-- Records a rep's time off.
-- params: $id BIGINT, $rep VARCHAR, $date_from DATE, $date_to DATE, $note VARCHAR
INSERT INTO time_off (time_off_id, rep, date_from, date_to, note) VALUES ($id, $rep, $date_from, $date_to, $note)
