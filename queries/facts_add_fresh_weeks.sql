-- The weekly facts of the (name, week) pairs the new activities (view `fresh`, counted per rep,
-- week and account in temp table `fresh_groups`) fall in, as they are once those are stored: the
-- stored facts of each pair plus the new rows' own, into temp table `fresh_weeks`. An ingest only
-- adds activities, so this equals recomputing the pairs from every activity (facts_insert_weeks,
-- whose definitions these repeat: tests/test_facts.py holds the two equal) without reading the
-- stored activities.
-- params: none
CREATE OR REPLACE TEMP TABLE fresh_weeks AS
WITH added AS (
    SELECT
        lower(trim(rep)) AS name_key,
        week,
        min(trim(rep)) AS name,
        coalesce(sum(prospecting_minutes), 0) AS prospecting_minutes,
        sum(calls)::BIGINT AS calls,
        sum(connects)::BIGINT AS connects,
        sum(monday_calls)::BIGINT AS monday_calls,
        sum(first_meetings)::BIGINT AS first_meetings,
        sum(activities_logged)::BIGINT AS activities_logged,
        coalesce(sum(activities_logged) FILTER (nullif(trim(account), '') IS NOT NULL), 0)::BIGINT AS with_account
    FROM fresh_groups
    GROUP BY 1, 2
),
both_parts AS (
    SELECT * FROM added
    UNION ALL BY NAME
    SELECT w.* FROM activity_weeks w SEMI JOIN added a ON a.name_key = w.name_key AND a.week = w.week
)
SELECT
    name_key,
    week,
    min(name) AS name,
    sum(prospecting_minutes) AS prospecting_minutes,
    sum(calls)::BIGINT AS calls,
    sum(connects)::BIGINT AS connects,
    sum(monday_calls)::BIGINT AS monday_calls,
    sum(first_meetings)::BIGINT AS first_meetings,
    sum(activities_logged)::BIGINT AS activities_logged,
    sum(with_account)::BIGINT AS with_account
FROM both_parts
GROUP BY name_key, week
