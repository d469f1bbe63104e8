-- The weekly facts of the (name, week) pairs the new activities (temp table `fresh`) fall in,
-- as they are once those are stored: the stored facts of each pair plus the new rows' own,
-- into temp table `fresh_weeks`. An ingest only adds activities, so this equals recomputing
-- the pairs from every activity (facts_insert_weeks, whose definitions these repeat:
-- tests/test_facts.py holds the two equal) without reading the stored activities.
-- params: none
CREATE OR REPLACE TEMP TABLE fresh_weeks AS
WITH added AS (
    SELECT
        lower(trim(a.rep)) AS name_key,
        date_trunc('week', a.activity_date)::DATE AS week,
        min(trim(a.rep)) AS name,
        coalesce(sum(a.duration_minutes) FILTER (a.category = 'prospecting'), 0) AS prospecting_minutes,
        count(*) FILTER (a.category = 'call') AS calls,
        count(*) FILTER (a.category = 'call'
            AND regexp_matches(a.outcome, '^\s*(connected|spoke|reached|answered|conversation|talked)', 'i'))
            AS connects,
        count(*) FILTER (a.category = 'call' AND isodow(a.activity_date) = 1) AS monday_calls,
        count(*) FILTER (a.category = 'first_meeting') AS first_meetings,
        count(*) AS activities_logged,
        count(*) FILTER (nullif(trim(a.account), '') IS NOT NULL) AS with_account
    FROM fresh a
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
