-- The reps' spellings as they are now (rep_aliases(), with its repeats), read once per refresh of the
-- deal facts into temp table `deal_aliases` (the writes that change them come before the refresh).
-- params: none
CREATE OR REPLACE TEMP TABLE deal_aliases AS
SELECT alias, rep FROM rep_aliases()
