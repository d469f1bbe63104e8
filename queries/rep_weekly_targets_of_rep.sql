-- The target in force for one rep in each week and metric, with the rep's ramp plan: rep_weekly_targets
-- for one rep (effective_targets, which the rep's filter reaches, is cheaper for one rep than by span).
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[], $rep VARCHAR
SELECT
    t.rep, t.team, t.week, t.metric, t.value, t.period, t.scope, t.effective_from, t.start_date,
    coalesce(team_plan.weeks, company_plan.weeks) AS ramp_weeks,
    coalesce(team_plan.start_share, company_plan.start_share) AS ramp_start_share
FROM effective_targets($from_week::DATE, $to_week::DATE) t
LEFT JOIN ramp_plans team_plan ON lower(team_plan.team) = lower(t.team)
LEFT JOIN (SELECT * FROM ramp_plans WHERE team IS NULL LIMIT 1) company_plan ON true
WHERE ($teams IS NULL OR list_contains($teams, t.team)) AND t.rep = $rep
ORDER BY t.rep, t.week, t.metric
