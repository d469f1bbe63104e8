-- Recomputes the weekly facts of the due (name, week) pairs from the activities.
-- A connect is a call whose outcome says it reached someone (is_connect: connected, spoke, reached,
-- answered, conversation or talked, in five languages; the definitions are in dashboard/metrics.py).
-- $first_week, $last_week: the span of the due weeks (lets the scan skip other dates).
-- params: $first_week DATE, $last_week DATE
INSERT INTO activity_weeks
WITH due AS (SELECT DISTINCT name_key, week FROM activity_weeks_due)
SELECT
    lower(trim(a.rep)) AS name_key,
    date_trunc('week', a.activity_date)::DATE AS week,
    min(trim(a.rep)) AS name,
    coalesce(sum(a.duration_minutes) FILTER (a.category = 'prospecting'), 0) AS prospecting_minutes,
    count(*) FILTER (a.category = 'call') AS calls,
    count(*) FILTER (a.category = 'call'
        AND is_connect(a.outcome))
        AS connects,
    count(*) FILTER (a.category = 'call' AND isodow(a.activity_date) = 1) AS monday_calls,
    count(*) FILTER (a.category = 'first_meeting') AS first_meetings,
    count(*) AS activities_logged,
    count(*) FILTER (nullif(trim(a.account), '') IS NOT NULL) AS with_account
FROM activities a
SEMI JOIN due d ON d.name_key = lower(trim(a.rep)) AND d.week = date_trunc('week', a.activity_date)::DATE
WHERE a.activity_date BETWEEN $first_week::DATE AND $last_week::DATE + 6
GROUP BY 1, 2
