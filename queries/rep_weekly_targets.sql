-- The target in force for each rep, week and metric, with the rep's ramp plan (reps of some teams, or all).
-- Weekly equivalents and ramp factors are derived in dashboard/targets.py; one rep's: rep_weekly_targets_of_rep.
-- Rows in no particular order (sorting them cost a tenth of the rules' read of a 5M-activity company):
-- readers find a row by its rep, week and metric (tests/test_rule_reads.py).
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[]
SELECT
    t.rep, t.team, t.week, t.metric, t.value, t.period, t.scope, t.effective_from, t.start_date,
    coalesce(team_plan.weeks, company_plan.weeks) AS ramp_weeks,
    coalesce(team_plan.start_share, company_plan.start_share) AS ramp_start_share
FROM effective_targets_by_span($from_week::DATE, $to_week::DATE) t
LEFT JOIN ramp_plans team_plan ON lower(team_plan.team) = lower(t.team)
LEFT JOIN (SELECT * FROM ramp_plans WHERE team IS NULL LIMIT 1) company_plan ON true
WHERE $teams IS NULL OR list_contains($teams, t.team)
