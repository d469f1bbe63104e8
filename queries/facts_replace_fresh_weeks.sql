-- Removes the stored weekly facts of the pairs in temp table `fresh_weeks`, which replaces them.
-- params: none
DELETE FROM activity_weeks w
USING fresh_weeks f
WHERE w.name_key = f.name_key AND w.week = f.week
