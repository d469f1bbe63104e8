-- Stores the weekly facts of temp table `fresh_weeks` (facts_add_fresh_weeks).
-- params: none
INSERT INTO activity_weeks BY NAME
SELECT * FROM fresh_weeks
