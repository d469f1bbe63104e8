-- Keeps the spellings the open-deals-worked facts are now computed with.
-- params: none
INSERT INTO deal_work_aliases
SELECT alias, rep FROM deal_aliases
