-- How many activities are stored for the ISO week starting on $week (a Monday).
-- params: $week DATE
SELECT count(*) AS activities FROM activities WHERE activity_date BETWEEN $week AND $week + 6
