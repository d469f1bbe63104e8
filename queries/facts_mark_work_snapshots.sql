-- Marks as due the (rep, week) pairs of the open-deals-worked facts whose snapshot in force may have
-- changed: for each due snapshot week (once its snapshot facts are recomputed), every rep's weeks from
-- it up to, not including, the rep's next snapshot week after it (the snapshot in force carries
-- forward), where the rep logged an activity on an account or a fact is held.
-- params: none
INSERT INTO deal_work_weeks_due
WITH aliases AS (SELECT alias, rep FROM deal_aliases),
changed AS (SELECT DISTINCT week FROM snapshot_weeks_due),
rep_snapshots AS (
    SELECT DISTINCT al.rep, s.week FROM snapshot_weeks s JOIN aliases al ON al.alias = s.name_key
),
spans AS (
    SELECT r.rep, c.week AS first_week,
           (SELECT min(p.week) FROM rep_snapshots p WHERE p.rep = r.rep AND p.week > c.week) AS next_week
    FROM (SELECT DISTINCT rep FROM aliases) r, changed c
),
candidates AS (
    SELECT al.rep, w.week
    FROM activity_weeks w JOIN aliases al ON al.alias = w.name_key
    WHERE w.with_account > 0 AND w.week >= (SELECT min(week) FROM changed)
    UNION
    SELECT rep, week FROM deal_work_weeks WHERE week >= (SELECT min(week) FROM changed)
)
SELECT DISTINCT c.rep, c.week
FROM candidates c
JOIN spans s ON s.rep = c.rep AND c.week >= s.first_week AND (s.next_week IS NULL OR c.week < s.next_week)
