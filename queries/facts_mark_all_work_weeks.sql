-- Marks every held open-deals-worked fact as due (a full rebuild: with the spellings forgotten, every
-- rep's weeks are marked too).
-- params: none
INSERT INTO deal_work_weeks_due
SELECT rep, week FROM deal_work_weeks
