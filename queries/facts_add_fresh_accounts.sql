-- Adds the accounts the new activities (view `fresh`, counted per rep, week and account in temp
-- table `fresh_groups`) were logged on, per name and week, that are not stored yet (as
-- facts_insert_accounts computes them from every activity).
-- params: none
INSERT INTO activity_account_weeks
SELECT DISTINCT lower(trim(rep)) AS name_key, week, lower(trim(account)) AS account
FROM fresh_groups
WHERE nullif(trim(account), '') IS NOT NULL
EXCEPT
SELECT name_key, week, account FROM activity_account_weeks
