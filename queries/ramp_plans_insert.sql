-- Adds one ramp plan.
-- params: $team VARCHAR, $weeks INTEGER, $start_share DOUBLE
INSERT INTO ramp_plans (team, weeks, start_share) VALUES ($team, $weeks, $start_share)
