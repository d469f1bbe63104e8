-- Writes the kept copy of the reps' spellings (rep_alias_snapshot) as rep_aliases_on_team() reads them
-- now, in the write's transaction, once its roster, activity and pipeline facts are up to date.
-- params: none
INSERT INTO rep_alias_snapshot
SELECT alias, rep, team, manager, start_date, end_date FROM rep_aliases_on_team()
