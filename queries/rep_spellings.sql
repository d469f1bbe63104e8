-- Every spelling under which one rep appears in the data (rep_aliases()), with the rep's team and dates
-- (the last day they count as rep_aliases_on_team() decides it), as the last write kept them
-- (rep_alias_snapshot):
-- what a one-rep read binds (rep_weekly_metrics_of_rep, rep_weekly_targets_of_rep) instead of expanding
-- the macros again.
-- params: $rep VARCHAR
SELECT alias, team, start_date, end_date FROM rep_alias_snapshot WHERE rep = $rep
