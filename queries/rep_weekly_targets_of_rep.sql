-- The target in force for one rep in each week and metric, with the rep's ramp plan: rep_weekly_targets
-- for one rep. The rep's team and dates come bound (dashboard.roster.spellings), so the plan does not
-- expand the alias macros behind effective_targets; the choice is effective_targets' (the live target
-- of highest precedence that overlaps the week, on the weeks the rep was on the team), and
-- tests/test_targets_grid.py proves each rep's rows equal the company read's.
-- params: $from_week DATE, $to_week DATE, $rep VARCHAR, $team VARCHAR, $start_date DATE, $end_date DATE
WITH grid AS (  -- the weeks the rep was on the team (rep_weeks)
    SELECT w::DATE AS week
    FROM range($from_week::DATE::TIMESTAMP, $to_week::DATE::TIMESTAMP + INTERVAL 1 DAY, INTERVAL 7 DAY) t(w)
    WHERE ($start_date::DATE IS NULL OR w::DATE + 6 >= $start_date::DATE)
      AND ($end_date::DATE IS NULL OR w::DATE <= $end_date::DATE)
),
chosen AS (
    SELECT g.week, t.metric, t.value, t.period, t.scope, t.effective_from
    FROM grid g
    JOIN live_targets() t
      ON t.match_key IN ('rep:' || lower($rep), 'team:' || lower($team), 'company')
     AND t.effective_from <= g.week + 6 AND (t.effective_to IS NULL OR t.effective_to >= g.week)
    QUALIFY row_number() OVER (PARTITION BY g.week, t.metric ORDER BY t.precedence DESC) = 1
)
SELECT
    $rep::VARCHAR AS rep, $team::VARCHAR AS team, c.week, c.metric, c.value, c.period, c.scope, c.effective_from,
    $start_date::DATE AS start_date,
    coalesce(team_plan.weeks, company_plan.weeks) AS ramp_weeks,
    coalesce(team_plan.start_share, company_plan.start_share) AS ramp_start_share
FROM chosen c
LEFT JOIN ramp_plans team_plan ON lower(team_plan.team) = lower($team)
LEFT JOIN (SELECT * FROM ramp_plans WHERE team IS NULL LIMIT 1) company_plan ON true
ORDER BY c.week, c.metric
