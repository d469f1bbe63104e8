-- Records a commitment made in a one-on-one.
-- params: $rep VARCHAR, $week DATE, $text VARCHAR, $due_date DATE, $created_by VARCHAR
INSERT INTO commitments (rep, week, text, due_date, created_by)
VALUES ($rep, $week, $text, $due_date, $created_by)
RETURNING commitment_id
