-- How many activities are stored for the ISO week starting on $week (a Monday).
-- params: $week DATE
SELECT coalesce(sum(activities_logged), 0) AS activities FROM activity_weeks WHERE week = $week
