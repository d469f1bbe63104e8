-- Marks as due every week of each rep whose spellings changed (a roster change, a name first seen, or
-- its first spelling changing): the weeks it logged an activity on an account under the spellings it
-- has now, and the weeks its facts hold.
-- params: none
INSERT INTO deal_work_weeks_due
WITH now AS (SELECT alias, rep FROM deal_aliases),
changed AS (
    SELECT rep FROM (SELECT alias, rep FROM now EXCEPT ALL SELECT alias, rep FROM deal_work_aliases)
    UNION
    SELECT rep FROM (SELECT alias, rep FROM deal_work_aliases EXCEPT ALL SELECT alias, rep FROM now)
)
SELECT al.rep, w.week
FROM activity_weeks w
JOIN now al ON al.alias = w.name_key
WHERE w.with_account > 0 AND al.rep IN (SELECT rep FROM changed)
UNION
SELECT rep, week FROM deal_work_weeks WHERE rep IN (SELECT rep FROM changed)
