-- Parses staged activity rows into typed values. `problems` lists what rejects a row (no rep,
-- no readable date); `warnings` lists optional cells that could not be read, which are left
-- blank on a row that is kept. $implied_type is the type of every row of an export of one
-- kind of activity (a meetings export has no type column), NULL otherwise.
-- `activity_key` is the natural key: the CRM's record ID, else a hash of every field (a
-- file is a multiset of rows: ingest_keys_activities numbers identical rows apart).
-- The file's style (date order, decimal mark, the layout most of its dates share) comes
-- from ingest.sniff: dates go through fast_timestamp first, parse_timestamp only when it misses.
-- Durations are read once per distinct text (`minutes`, joined back): parse_minutes is a
-- subquery macro, which DuckDB would otherwise plan as a join that first copies every row
-- with all of its columns (at 5M rows, most of the memory this query took).
-- `category` is the row's kind's (activity_kinds, categorized before the clean: the first
-- matching rule, else 'other'), or 'first_meeting' where the file says so; every row's kind is
-- in activity_kinds, under a hash no other kind has; `connected` is the kind's too (a call's
-- outcome that counts as a connect). `task_status` is the row's status as written (a task's
-- Completed / Not Started): ingest_drop_not_done leaves out work not done.
-- params: $source VARCHAR, $duration_unit VARCHAR, $decimal_comma BOOLEAN, $date_format VARCHAR, $implied_type VARCHAR, $upload_date DATE, $date_day_first BOOLEAN, $kind_seed INTEGER
CREATE OR REPLACE TEMP TABLE clean AS
WITH minutes AS (
    SELECT duration, parse_minutes(duration, $duration_unit, $decimal_comma) AS duration_parsed
    FROM (SELECT DISTINCT duration FROM stage)
),
guessed AS (
    SELECT s.*, fast_timestamp(s.date, $date_format) AS date_fast, m.duration_parsed
    FROM stage s
    LEFT JOIN minutes m ON s.duration IS NOT DISTINCT FROM m.duration
),
tidied AS (
    -- one column per step: DuckDB computes a repeated expression for every row
    SELECT *, CASE WHEN date_fast IS NULL THEN timestamp_text(date) END AS date_tidy FROM guessed
),
parsed AS (
    SELECT
        _row,
        rep AS rep_text, date AS date_text, time AS time_text, duration AS duration_text,
        date_fast IS NOT NULL AS date_read_fast,
        first_meeting AS first_meeting_text, target_account AS target_account_text,
        clean_text(activity_id) AS activity_id,
        tidy_name(clean_text(rep)) AS rep,
        coalesce(date_fast, timestamp_from_text(date_tidy, $date_day_first)) AS happened_at,
        parse_time(time) AS time_of_day,
        coalesce(clean_text(type), $implied_type) AS activity_type,
        clean_text(subtype) AS subtype,
        clean_text(subject) AS subject,
        duration_parsed,
        clean_text(outcome) AS outcome,
        clean_text(status) AS task_status,
        clean_text(account) AS account,
        parse_bool(first_meeting) AS first_meeting,
        parse_bool(target_account) AS target_account
    FROM tidied
),
checked AS (
    SELECT
        *,
        CASE WHEN duration_parsed BETWEEN 0 AND 1440 THEN duration_parsed END AS duration_minutes,
        -- a quick test first: most rows have no problem, and building the lists is slow
        rep IS NULL OR happened_at IS NULL OR year(happened_at) < 1990
            OR happened_at::DATE > $upload_date + 7 AS rejected,
        (time_of_day IS NULL AND time_text IS NOT NULL)
            OR (duration_parsed IS NULL AND duration_text IS NOT NULL) OR duration_parsed < 0
            OR duration_parsed > 1440
            OR (first_meeting IS NULL AND first_meeting_text IS NOT NULL)
            OR (target_account IS NULL AND target_account_text IS NOT NULL) AS warned
    FROM parsed
)
SELECT
    _row,
    activity_id,
    rep,
    happened_at::DATE AS activity_date,
    coalesce(time_of_day, CASE
        -- a date the file's format read holds a time exactly when the format has one
        -- (tests/test_sniff.py): the pattern runs only on the dates it missed
        WHEN date_read_fast THEN CASE WHEN contains($date_format, ':') THEN happened_at::TIME END
        WHEN regexp_matches(date_text, '[0-9]:[0-9]') THEN happened_at::TIME
    END) AS activity_time,
    activity_type,
    subtype,
    subject,
    duration_minutes,
    outcome,
    task_status,
    account,
    first_meeting,
    target_account,
    CASE WHEN first_meeting THEN 'first_meeting' ELSE coalesce(k.kind_category, 'other') END AS category,
    coalesce(k.kind_connected, false) AS connected,
    md5_key(
        CASE
            WHEN activity_id IS NOT NULL THEN concat_ws('|', 'id', $source, activity_id)
            -- fields a file may lack come last, skipped when NULL (concat_ws), so a row
            -- keeps the key it had before those fields were read
            ELSE concat_ws('|', 'row', lower(coalesce(rep, '')), coalesce(happened_at::VARCHAR, ''),
                coalesce(time_of_day::VARCHAR, ''), lower(coalesce(activity_type, '')),
                lower(coalesce(subject, '')), lower(coalesce(account, '')), coalesce(duration_minutes::VARCHAR, ''),
                lower(subtype), lower(outcome), first_meeting::VARCHAR, target_account::VARCHAR)
        END
    ) AS activity_key,
    CASE WHEN rejected THEN
        list_filter([
            CASE WHEN rep IS NULL THEN {'field': 'rep', 'value': rep_text, 'reason': 'missing rep'} END,
            CASE
                WHEN clean_text(date_text) IS NULL THEN {'field': 'date', 'value': date_text, 'reason': 'missing date'}
                WHEN happened_at IS NULL THEN {'field': 'date', 'value': date_text, 'reason': 'not a date'}
                WHEN year(happened_at) < 1990 THEN {'field': 'date', 'value': date_text, 'reason': 'date out of range'}
                WHEN happened_at::DATE > $upload_date + 7
                    THEN {'field': 'date', 'value': date_text, 'reason': 'date after the upload (a planned activity?)'}
            END
        ], p -> p IS NOT NULL)
    ELSE [] END AS problems,
    CASE WHEN warned THEN
        list_filter([
            CASE WHEN time_of_day IS NULL AND clean_text(time_text) IS NOT NULL
                THEN {'field': 'time', 'value': time_text, 'reason': 'not a time'} END,
            CASE
                WHEN duration_parsed IS NULL AND clean_text(duration_text) IS NOT NULL
                    THEN {'field': 'duration', 'value': duration_text, 'reason': 'not a duration'}
                WHEN duration_parsed < 0
                    THEN {'field': 'duration', 'value': duration_text, 'reason': 'negative duration'}
                WHEN duration_parsed > 1440
                    THEN {'field': 'duration', 'value': duration_text, 'reason': 'longer than a day'}
            END,
            CASE WHEN first_meeting IS NULL AND clean_text(first_meeting_text) IS NOT NULL
                THEN {'field': 'first_meeting', 'value': first_meeting_text, 'reason': 'not yes/no'} END,
            CASE WHEN target_account IS NULL AND clean_text(target_account_text) IS NOT NULL
                THEN {'field': 'target_account', 'value': target_account_text, 'reason': 'not yes/no'} END
        ], p -> p IS NOT NULL)
    ELSE [] END AS warnings
FROM checked c
LEFT JOIN (SELECT kind_hash, category AS kind_category, connected AS kind_connected FROM activity_kinds) k
    ON hash(c.activity_type, c.subtype, c.subject, c.outcome, $kind_seed) = k.kind_hash
