-- Records a focus area agreed in a one-on-one.
-- params: $rep VARCHAR, $week DATE, $metric VARCHAR, $expectation VARCHAR, $due_date DATE, $agreed_by VARCHAR
INSERT INTO focus_areas (rep, week, metric, expectation, due_date, agreed_by)
VALUES ($rep, $week, $metric, $expectation, $due_date, $agreed_by)
