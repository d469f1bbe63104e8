-- Focus areas agreed between two Mondays (latest agreement per rep, week and metric), with team and manager.
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[]
SELECT d.rep, d.team, d.manager, f.week, f.metric, f.expectation, f.due_date
FROM focus_areas f
JOIN kept_rep_directory() d ON lower(d.rep) = lower(trim(f.rep))
WHERE f.week BETWEEN $from_week::DATE AND $to_week::DATE
  AND d.team IS NOT NULL AND ($teams IS NULL OR list_contains($teams, d.team))
QUALIFY row_number() OVER (PARTITION BY d.rep, f.week, f.metric ORDER BY f.agreed_at DESC) = 1
ORDER BY f.week, lower(d.rep), f.metric
