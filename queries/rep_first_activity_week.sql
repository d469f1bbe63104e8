-- The Monday of one rep's first week with an activity logged under any of their spellings
-- (dashboard.roster.spellings), NULL when none: where the rep's activity history starts. Weeks before it
-- are unknown for the activity metrics, not zeros (dashboard.trend; the rules' `started` mask is the same).
-- params: $aliases VARCHAR[]
SELECT min(week) AS first_week
FROM activity_weeks
WHERE list_contains($aliases, name_key) AND activities_logged > 0
