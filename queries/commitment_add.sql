-- Records a commitment made in a one-on-one.
-- params: $id BIGINT, $rep VARCHAR, $week DATE, $text VARCHAR, $due_date DATE, $created_by VARCHAR
INSERT INTO commitments (commitment_id, rep, week, text, due_date, created_by)
VALUES ($id, $rep, $week, $text, $due_date, $created_by)
