-- Each rep's first week with data: an activity logged or an opportunity created under any of their
-- spellings (the kept copy), as the rules' first week with data (dashboard.trend.DATA_METRICS). Weeks
-- before it are unknown, not zeros: the Team page judges none of them (dashboard.team_view), and a period
-- target's pace counts from it (dashboard.targets.pace). $rep: one rep (NULL: all).
-- params: $rep VARCHAR
SELECT s.rep, min(f.week) AS first_week
FROM (
    SELECT name_key, min(week) AS week FROM activity_weeks WHERE activities_logged > 0 GROUP BY name_key
    UNION ALL
    SELECT name_key, min(week) AS week FROM opportunity_weeks WHERE opportunities_created > 0 GROUP BY name_key
) f
JOIN (SELECT DISTINCT alias, rep FROM rep_alias_snapshot WHERE $rep IS NULL OR rep = $rep) s
  ON s.alias = f.name_key
GROUP BY s.rep
