-- The new activities (view `fresh`) counted once per rep, week and account as written, into temp
-- table `fresh_groups`, with the additive inputs of the weekly facts: the one pass over every new
-- row that both facts_add_fresh_weeks and facts_add_fresh_accounts read (their trimming, lower-casing
-- and account tests then run per group, not per row). The per-row tests are those of
-- facts_insert_weeks; whether a call's outcome is a connect was decided once per activity kind
-- (`connected`, ingest_activity_kinds).
-- params: none
CREATE OR REPLACE TEMP TABLE fresh_groups AS
SELECT
    rep,
    date_trunc('week', activity_date)::DATE AS week,
    account,
    sum(duration_minutes) FILTER (category = 'prospecting') AS prospecting_minutes,
    count(*) FILTER (category = 'call') AS calls,
    count(*) FILTER (category = 'call' AND connected) AS connects,
    count(*) FILTER (category = 'call' AND isodow(activity_date) = 1) AS monday_calls,
    count(*) FILTER (category = 'first_meeting') AS first_meetings,
    count(*) AS activities_logged
FROM fresh
GROUP BY rep, week, account
