-- Records a rep's time off; returns its id.
-- params: $rep VARCHAR, $date_from DATE, $date_to DATE, $note VARCHAR
INSERT INTO time_off (rep, date_from, date_to, note) VALUES ($rep, $date_from, $date_to, $note)
RETURNING time_off_id
