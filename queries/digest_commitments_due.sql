-- Commitments made up to a week that wait for a follow-up at that week and are due by a date,
-- with team and manager, soonest due first (the Monday digest's "commitments due").
-- params: $week DATE, $due_by DATE, $teams VARCHAR[]
SELECT d.rep, d.team, d.manager, c.commitment_id, c.week, c.text, c.due_date
FROM commitments c
JOIN kept_rep_directory() d ON lower(d.rep) = lower(trim(c.rep))
WHERE c.week <= $week::DATE
  AND c.due_date <= $due_by::DATE
  AND (c.status = 'open' OR c.followed_up_week > $week::DATE)
  AND ($teams IS NULL OR list_contains($teams, d.team))
ORDER BY c.due_date, lower(d.rep), c.commitment_id
