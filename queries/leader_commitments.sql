-- Commitments due between the Monday $from_week and the Sunday ending $to_week, with team and manager.
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[]
SELECT d.rep, d.team, d.manager, c.commitment_id, c.week, c.due_date, c.status, c.followed_up_week
FROM commitments c
JOIN kept_rep_directory() d ON lower(d.rep) = lower(trim(c.rep))
WHERE c.due_date BETWEEN $from_week::DATE AND $to_week::DATE + 6
  AND d.team IS NOT NULL AND ($teams IS NULL OR list_contains($teams, d.team))
ORDER BY c.due_date, c.commitment_id
