-- Removes every ramp plan (before the edited set is inserted, in one transaction).
-- params: none
DELETE FROM ramp_plans
