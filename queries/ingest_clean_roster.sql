-- Parses staged roster rows, listing each row's problems. A rep with an end date in
-- the past is inactive unless the file says otherwise.
-- The file's style comes from ingest.sniff (see ingest_clean_activities).
-- params: $day_first BOOLEAN, $start_date_format VARCHAR, $end_date_format VARCHAR
CREATE OR REPLACE TEMP TABLE clean AS
WITH guessed AS (
    SELECT
        *,
        fast_timestamp(start_date, $start_date_format) AS start_date_fast,
        fast_timestamp(end_date, $end_date_format) AS end_date_fast
    FROM stage
),
tidied AS (
    -- one column per step: DuckDB computes a repeated expression for every row
    SELECT
        *,
        CASE WHEN start_date_fast IS NULL THEN timestamp_text(start_date) END AS start_date_tidy,
        CASE WHEN end_date_fast IS NULL THEN timestamp_text(end_date) END AS end_date_tidy
    FROM guessed
),
parsed AS (
    SELECT
        _row,
        rep AS rep_text, team AS team_text, email AS email_text,
        start_date AS start_text, end_date AS end_text, active AS active_text,
        clean_text(rep) AS rep,
        lower(clean_text(email)) AS email,
        clean_text(team) AS team,
        clean_text(manager) AS manager,
        coalesce(start_date_fast, timestamp_from_text(start_date_tidy, $day_first))::DATE AS start_date,
        coalesce(end_date_fast, timestamp_from_text(end_date_tidy, $day_first))::DATE AS end_date,
        parse_bool(active) AS active
    FROM tidied
)
SELECT
    _row, rep, lower(rep) AS rep_key, email, team, manager, start_date, end_date,
    coalesce(active, end_date IS NULL OR end_date >= current_date) AS active,
    list_filter([
        CASE WHEN rep IS NULL THEN {'field': 'rep', 'value': rep_text, 'reason': 'missing rep'} END,
        CASE WHEN team IS NULL THEN {'field': 'team', 'value': team_text, 'reason': 'missing team'} END,
        CASE WHEN email IS NOT NULL AND NOT regexp_full_match(email, '[^@\s]+@[^@\s]+\.[^@\s]+')
            THEN {'field': 'email', 'value': email_text, 'reason': 'not an email address'} END,
        CASE WHEN start_date IS NULL AND clean_text(start_text) IS NOT NULL
            THEN {'field': 'start_date', 'value': start_text, 'reason': 'not a date'} END,
        CASE
            WHEN end_date IS NULL AND clean_text(end_text) IS NOT NULL
                THEN {'field': 'end_date', 'value': end_text, 'reason': 'not a date'}
            WHEN end_date < start_date
                THEN {'field': 'end_date', 'value': end_text, 'reason': 'end date before start date'}
        END,
        CASE WHEN active IS NULL AND clean_text(active_text) IS NOT NULL
            THEN {'field': 'active', 'value': active_text, 'reason': 'not yes/no'} END
    ], p -> p IS NOT NULL) AS problems
FROM parsed
