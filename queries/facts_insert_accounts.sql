-- Recomputes the touched accounts of the due (name, week) pairs from the activities.
-- $first_week, $last_week: the span of the due weeks (lets the scan skip other dates).
-- params: $first_week DATE, $last_week DATE
INSERT INTO activity_account_weeks
WITH due AS (SELECT DISTINCT name_key, week FROM activity_weeks_due)
SELECT DISTINCT
    lower(trim(a.rep)) AS name_key,
    date_trunc('week', a.activity_date)::DATE AS week,
    lower(trim(a.account)) AS account
FROM activities a
SEMI JOIN due d ON d.name_key = lower(trim(a.rep)) AND d.week = date_trunc('week', a.activity_date)::DATE
WHERE a.activity_date BETWEEN $first_week::DATE AND $last_week::DATE + 6
  AND nullif(trim(a.account), '') IS NOT NULL
