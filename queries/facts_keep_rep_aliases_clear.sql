-- Empties the kept copy of the reps' spellings (rep_alias_snapshot), before facts_keep_rep_aliases_fill
-- writes it again at the end of a write's facts refresh.
-- params: none
DELETE FROM rep_alias_snapshot
