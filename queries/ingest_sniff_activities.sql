-- How the staged activity file writes dates and numbers: votes for d/m vs m/d per date column and for a
-- decimal comma over every row, and a sample of each date column
-- (see dashboard/ingest/sniff.py).
-- Each distinct text votes once, weighed by its rows: a file repeats its durations, and a date's
-- vote reads only its first 8 characters (looks_day_first / looks_month_first are anchored at
-- the start and match at most 'dd/mm/yy'), so a date that starts with a digit is counted by its
-- first 10 characters (its day); a regular expression then runs on hundreds of texts, not on
-- every row.
-- params: none
WITH dates AS (
    SELECT CASE WHEN ascii(date) BETWEEN 48 AND 57 THEN left(date, 10) ELSE date END AS date_start, count(*) AS n
    FROM stage
    WHERE date IS NOT NULL
    GROUP BY 1
),
durations AS (
    SELECT duration, count(*) AS n FROM stage WHERE duration IS NOT NULL GROUP BY 1
)
SELECT
    (SELECT coalesce(sum(n) FILTER (looks_day_first(date_start)), 0)::BIGINT FROM dates) AS date_day_votes,
    (SELECT coalesce(sum(n) FILTER (looks_month_first(date_start)), 0)::BIGINT FROM dates) AS date_month_votes,
    (SELECT coalesce(sum(n) FILTER (looks_decimal_comma(duration)), 0)::BIGINT FROM durations) AS comma_votes,
    (SELECT coalesce(sum(n) FILTER (looks_decimal_point(duration)), 0)::BIGINT FROM durations) AS point_votes,
    (SELECT list(date) FROM (
        FROM stage WHERE date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS date_sample
