-- Ramp plans for new hires: the company plan (team blank) first, then per team.
-- params: none
SELECT team, weeks, start_share FROM ramp_plans ORDER BY team NULLS FIRST
