-- The reps the data made of names no roster entry carries (seen_aliases(), placed on no roster rep), as
-- the kept copy of the spellings has them, with their spellings, activities logged and deals created,
-- most first: the names a leader may say are a roster rep (dashboard/name_links.py).
-- params: none
WITH unplaced AS (
    SELECT DISTINCT rep, alias FROM rep_alias_snapshot
    WHERE rep NOT IN (SELECT rep FROM reps WHERE superseded_by IS NULL)
),
logged AS (SELECT name_key, sum(activities_logged) AS activities FROM activity_weeks GROUP BY name_key),
created AS (SELECT name_key, sum(opportunities_created) AS deals FROM opportunity_weeks GROUP BY name_key)
SELECT u.rep AS name, list(u.alias ORDER BY u.alias) AS spellings,
    coalesce(sum(l.activities), 0)::BIGINT AS activities, coalesce(sum(c.deals), 0)::BIGINT AS deals_created
FROM unplaced u
LEFT JOIN logged l ON l.name_key = u.alias
LEFT JOIN created c ON c.name_key = u.alias
GROUP BY u.rep
ORDER BY activities DESC, deals_created DESC, name
