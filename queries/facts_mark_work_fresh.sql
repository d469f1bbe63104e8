-- Marks as due the (rep, week) pairs of the open-deals-worked facts an ingest's new activities fall in
-- (temp table `fresh_weeks`, facts_add_fresh_weeks).
-- params: none
INSERT INTO deal_work_weeks_due
SELECT DISTINCT al.rep, f.week
FROM fresh_weeks f
JOIN deal_aliases al ON al.alias = f.name_key
WHERE f.with_account > 0
