-- Parses staged target rows, listing each row's problems. Metric names become
-- snake_case and must be in $metrics when that list is not empty; periods are
-- day, week, month, quarter or year; '25%' is 0.25. No start date: always applied.
-- The file's style comes from ingest.sniff (see ingest_clean_activities).
-- A rep is stored under the name the data knows them by: a roster name, e-mail or CRM user ID, a name
-- seen in the data, or a roster name but for accents and case (rep_aliases(), roster_folds()); a name
-- of no rep yet is kept as written, with a warning (the target applies once that rep appears).
-- params: $metrics VARCHAR[], $decimal_comma BOOLEAN, $effective_from_format VARCHAR, $effective_to_format VARCHAR, $effective_from_day_first BOOLEAN, $effective_to_day_first BOOLEAN
CREATE OR REPLACE TEMP TABLE clean AS
WITH guessed AS (
    SELECT
        *,
        fast_timestamp(effective_from, $effective_from_format) AS effective_from_fast,
        fast_timestamp(effective_to, $effective_to_format) AS effective_to_fast
    FROM stage
),
tidied AS (
    -- one column per step: DuckDB computes a repeated expression for every row
    SELECT
        *,
        CASE WHEN effective_from_fast IS NULL THEN timestamp_text(effective_from) END AS effective_from_tidy,
        CASE WHEN effective_to_fast IS NULL THEN timestamp_text(effective_to) END AS effective_to_tidy
    FROM guessed
),
parsed AS (
    SELECT
        _row,
        metric AS metric_text, value AS value_text, period AS period_text,
        effective_from AS from_text, effective_to AS to_text,
        trim(regexp_replace(lower(clean_text(metric)), '[^a-z0-9]+', '_', 'g'), '_') AS metric,
        parse_number(value, $decimal_comma) AS value,
        CASE
            WHEN regexp_full_match(clean_text(period), '(per )?(day|daily|d)', 'i') THEN 'day'
            WHEN regexp_full_match(clean_text(period), '(per )?(week|weekly|wk|w)', 'i') THEN 'week'
            WHEN regexp_full_match(clean_text(period), '(per )?(month|monthly|mo|m)', 'i') THEN 'month'
            WHEN regexp_full_match(clean_text(period), '(per )?(quarter|quarterly|qtr|q)', 'i') THEN 'quarter'
            WHEN regexp_full_match(clean_text(period), '(per )?(year|yearly|annual|annually|yr|y)', 'i') THEN 'year'
        END AS period,
        clean_text(team) AS team,
        clean_text(rep) AS rep_given,
        coalesce(effective_from_fast, timestamp_from_text(effective_from_tidy, $effective_from_day_first))::DATE AS effective_from,
        coalesce(effective_to_fast, timestamp_from_text(effective_to_tidy, $effective_to_day_first))::DATE AS effective_to
    FROM tidied
),
named AS (
    SELECT alias, any_value(rep) AS rep FROM rep_aliases() GROUP BY alias HAVING count(DISTINCT rep) = 1
),
resolved AS (
    SELECT parsed.*, coalesce(n.rep, f.rep, rep_given) AS rep, n.rep IS NULL AND f.rep IS NULL AS unknown_rep
    FROM parsed
    LEFT JOIN named n ON n.alias = lower(rep_given)
    LEFT JOIN roster_folds() f ON f.fold = folded_name(rep_given)
)
SELECT
    _row, metric, value, period, team, rep, coalesce(effective_from, DATE '1900-01-01') AS effective_from, effective_to,
    list_filter([
        CASE
            WHEN metric IS NULL OR metric = '' THEN {'field': 'metric', 'value': metric_text, 'reason': 'missing metric'}
            WHEN len($metrics) > 0 AND NOT list_contains($metrics, metric)
                THEN {'field': 'metric', 'value': metric_text, 'reason': 'unknown metric (expected one of: ' || array_to_string($metrics, ', ') || ')'}
        END,
        CASE
            WHEN value IS NULL AND clean_text(value_text) IS NULL THEN {'field': 'value', 'value': value_text, 'reason': 'missing value'}
            WHEN value IS NULL THEN {'field': 'value', 'value': value_text, 'reason': 'not a number'}
            WHEN value < 0 THEN {'field': 'value', 'value': value_text, 'reason': 'a target cannot be negative'}
        END,
        CASE WHEN period IS NULL
            THEN {'field': 'period', 'value': period_text, 'reason': 'unknown period (expected day, week, month, quarter or year)'} END,
        CASE WHEN effective_from IS NULL AND clean_text(from_text) IS NOT NULL
            THEN {'field': 'effective_from', 'value': from_text, 'reason': 'not a date'} END,
        CASE
            WHEN effective_to IS NULL AND clean_text(to_text) IS NOT NULL
                THEN {'field': 'effective_to', 'value': to_text, 'reason': 'not a date'}
            WHEN effective_to < effective_from
                THEN {'field': 'effective_to', 'value': to_text, 'reason': 'ends before it starts'}
        END
    ], p -> p IS NOT NULL) AS problems,
    list_filter([
        CASE WHEN rep_given IS NOT NULL AND unknown_rep
            THEN {'field': 'rep', 'value': rep_given,
                  'reason': 'no rep of this name on the roster or in the data yet: the target applies once one appears'}
        END
    ], w -> w IS NOT NULL)::STRUCT(field VARCHAR, value VARCHAR, reason VARCHAR)[] AS warnings
FROM resolved
