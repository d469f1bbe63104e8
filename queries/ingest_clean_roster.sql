-- Parses staged roster rows, listing each row's problems. A rep with an end date in
-- the past is inactive unless the file says otherwise.
-- params: $day_first BOOLEAN
CREATE OR REPLACE TEMP TABLE clean AS
WITH style AS (
    SELECT coalesce($day_first,
        count(*) FILTER (looks_day_first(start_date) OR looks_day_first(end_date))
        > count(*) FILTER (looks_month_first(start_date) OR looks_month_first(end_date))) AS day_first
    FROM stage
),
parsed AS (
    SELECT
        _row,
        stage.rep AS rep_text, stage.team AS team_text, stage.email AS email_text,
        stage.start_date AS start_text, stage.end_date AS end_text, stage.active AS active_text,
        clean_text(rep) AS rep,
        lower(clean_text(email)) AS email,
        clean_text(team) AS team,
        clean_text(manager) AS manager,
        parse_timestamp(start_date, style.day_first)::DATE AS start_date,
        parse_timestamp(end_date, style.day_first)::DATE AS end_date,
        parse_bool(active) AS active
    FROM stage, style
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
