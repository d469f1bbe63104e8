-- Parses staged target rows, listing each row's problems. Metric names become
-- snake_case and must be in $metrics when that list is not empty; periods are
-- day, week, month, quarter or year; '25%' is 0.25. No start date: always applied.
-- params: $day_first BOOLEAN, $metrics VARCHAR[]
CREATE OR REPLACE TEMP TABLE clean AS
WITH style AS (
    SELECT
        coalesce($day_first,
            count(*) FILTER (looks_day_first(effective_from) OR looks_day_first(effective_to))
            > count(*) FILTER (looks_month_first(effective_from) OR looks_month_first(effective_to))) AS day_first,
        count(*) FILTER (looks_decimal_comma(value)) > count(*) FILTER (looks_decimal_point(value)) AS decimal_comma
    FROM stage
),
parsed AS (
    SELECT
        _row,
        stage.metric AS metric_text, stage.value AS value_text, stage.period AS period_text,
        stage.effective_from AS from_text, stage.effective_to AS to_text,
        trim(regexp_replace(lower(clean_text(metric)), '[^a-z0-9]+', '_', 'g'), '_') AS metric,
        parse_number(value, style.decimal_comma) AS value,
        CASE
            WHEN regexp_full_match(clean_text(period), '(per )?(day|daily|d)', 'i') THEN 'day'
            WHEN regexp_full_match(clean_text(period), '(per )?(week|weekly|wk|w)', 'i') THEN 'week'
            WHEN regexp_full_match(clean_text(period), '(per )?(month|monthly|mo|m)', 'i') THEN 'month'
            WHEN regexp_full_match(clean_text(period), '(per )?(quarter|quarterly|qtr|q)', 'i') THEN 'quarter'
            WHEN regexp_full_match(clean_text(period), '(per )?(year|yearly|annual|annually|yr|y)', 'i') THEN 'year'
        END AS period,
        clean_text(team) AS team,
        clean_text(rep) AS rep,
        parse_timestamp(effective_from, style.day_first)::DATE AS effective_from,
        parse_timestamp(effective_to, style.day_first)::DATE AS effective_to
    FROM stage, style
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
    ], p -> p IS NOT NULL) AS problems
FROM parsed
