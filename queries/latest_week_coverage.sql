-- The latest week with activities: the last day in it with an activity, and the day activity exports
-- were last uploaded (an upload after the week's Sunday means the export covered the whole week).
-- params: none
WITH latest AS (SELECT max(week) AS week FROM activity_weeks)
SELECT
    latest.week,
    (
        SELECT max(activity_date) FROM activities
        WHERE activity_date >= latest.week AND activity_date < latest.week + 7
    ) AS logged_until,
    (SELECT max(uploaded_at)::DATE FROM uploads WHERE kind = 'activities' AND undone_at IS NULL) AS uploaded_on
FROM latest
WHERE latest.week IS NOT NULL
