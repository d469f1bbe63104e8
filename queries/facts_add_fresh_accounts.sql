-- Adds the accounts the new activities (temp table `fresh`) were logged on, per name and
-- week, that are not stored yet (as facts_insert_accounts computes them from every activity).
-- params: none
INSERT INTO activity_account_weeks
SELECT DISTINCT
    lower(trim(a.rep)) AS name_key,
    date_trunc('week', a.activity_date)::DATE AS week,
    lower(trim(a.account)) AS account
FROM fresh a
WHERE nullif(trim(a.account), '') IS NOT NULL
EXCEPT
SELECT name_key, week, account FROM activity_account_weeks
