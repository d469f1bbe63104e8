-- Reps on a team in each week between two Mondays, with team and manager (reps without a team left out).
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[]
SELECT rep, team, manager, week
FROM rep_weeks($from_week::DATE, $to_week::DATE)
WHERE team IS NOT NULL AND ($teams IS NULL OR list_contains($teams, team))
ORDER BY week, lower(rep)
