-- Parses staged roster rows. `problems` lists what rejects a row (no name); `warnings` lists
-- optional cells that could not be read (an e-mail, a date, yes/no), left blank on a row that
-- is kept. The name is the rep column, else first name + last name. A rep with an end date in
-- the past is inactive unless the file says otherwise. The team is the file's, else the
-- rep's stored one, else $no_team (a user export without teams).
-- The file's style comes from ingest.sniff (see ingest_clean_activities).
-- params: $start_date_format VARCHAR, $end_date_format VARCHAR, $no_team VARCHAR, $start_date_day_first BOOLEAN, $end_date_day_first BOOLEAN
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
        coalesce(rep, joined(first_name, last_name)) AS rep_text, email AS email_text,
        start_date AS start_text, end_date AS end_text, active AS active_text,
        tidy_name(coalesce(clean_text(rep), clean_text(joined(clean_text(first_name), clean_text(last_name))))) AS rep,
        clean_text(user_id) AS user_id,
        lower(clean_text(email)) AS email_given,
        tidy_name(clean_text(team)) AS team,
        tidy_name(clean_text(manager)) AS manager,
        coalesce(start_date_fast, timestamp_from_text(start_date_tidy, $start_date_day_first))::DATE AS start_date,
        coalesce(end_date_fast, timestamp_from_text(end_date_tidy, $end_date_day_first))::DATE AS end_date_given,
        parse_bool(active) AS active
    FROM tidied
),
checked AS (
    SELECT
        *,
        CASE WHEN regexp_full_match(email_given, '[^@\s]+@[^@\s]+\.[^@\s]+') THEN email_given END AS email,
        CASE WHEN end_date_given >= start_date OR start_date IS NULL THEN end_date_given END AS end_date
    FROM parsed
)
SELECT
    c._row, c.rep, lower(c.rep) AS rep_key, c.user_id, c.email,
    coalesce(c.team, stored.team, $no_team) AS team, c.team IS NULL AS team_missing,
    c.manager, c.start_date, c.end_date,
    coalesce(c.active, c.end_date IS NULL OR c.end_date >= current_date) AS active,
    list_filter([
        CASE WHEN c.rep IS NULL THEN {'field': 'rep', 'value': c.rep_text, 'reason': 'missing rep'} END
    ], p -> p IS NOT NULL) AS problems,
    list_filter([
        CASE WHEN c.email IS NULL AND c.email_given IS NOT NULL
            THEN {'field': 'email', 'value': c.email_text, 'reason': 'not an email address'} END,
        CASE WHEN c.start_date IS NULL AND clean_text(c.start_text) IS NOT NULL
            THEN {'field': 'start_date', 'value': c.start_text, 'reason': 'not a date'} END,
        CASE
            WHEN c.end_date_given IS NULL AND clean_text(c.end_text) IS NOT NULL
                THEN {'field': 'end_date', 'value': c.end_text, 'reason': 'not a date'}
            WHEN c.end_date IS NULL AND c.end_date_given IS NOT NULL
                THEN {'field': 'end_date', 'value': c.end_text, 'reason': 'end date before start date'}
        END,
        CASE WHEN c.active IS NULL AND clean_text(c.active_text) IS NOT NULL
            THEN {'field': 'active', 'value': c.active_text, 'reason': 'not yes/no'} END
    ], p -> p IS NOT NULL) AS warnings
FROM checked c
LEFT JOIN (SELECT rep_key, any_value(team) AS team FROM reps WHERE superseded_by IS NULL GROUP BY rep_key) stored
    ON stored.rep_key = lower(c.rep)
