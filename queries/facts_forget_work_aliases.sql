-- Forgets the spellings the open-deals-worked facts were computed with (before keeping the new ones,
-- or for a full rebuild: every rep then counts as changed).
-- params: none
DELETE FROM deal_work_aliases
