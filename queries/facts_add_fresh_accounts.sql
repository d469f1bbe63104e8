-- Adds the accounts the new activities (temp table `fresh`) were logged on, per name and
-- week, that are not stored yet (as facts_insert_accounts computes them from every activity).
-- Each (rep, week, account) as written is taken once first: the trimming and lower-casing then
-- run on those (a rep logs many activities on one account in a week), not on every row.
-- params: none
INSERT INTO activity_account_weeks
WITH written AS (
    SELECT DISTINCT rep, date_trunc('week', activity_date)::DATE AS week, account
    FROM fresh
    WHERE account IS NOT NULL
)
SELECT DISTINCT lower(trim(rep)) AS name_key, week, lower(trim(account)) AS account
FROM written
WHERE nullif(trim(account), '') IS NOT NULL
EXCEPT
SELECT name_key, week, account FROM activity_account_weeks
