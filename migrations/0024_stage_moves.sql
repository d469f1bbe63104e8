-- Per owner name and described week, how many of the open deals of that week's snapshot show another stage
-- than in the snapshot before (open_deals_moved; a deal first seen that week has not moved). Rows kept
-- before this column existed read NULL: the check on open (queries/facts_missing.sql) recomputes them.
ALTER TABLE stage_weeks ADD COLUMN moved_deals BIGINT;
