-- How the staged activity file writes dates and numbers: votes for d/m vs m/d per date column and for a
-- decimal comma over every row, and a sample of each date column
-- (see dashboard/ingest/sniff.py).
-- params: none
SELECT
    count(*) FILTER (looks_day_first(date)) AS date_day_votes,
    count(*) FILTER (looks_month_first(date)) AS date_month_votes,
    count(*) FILTER (looks_decimal_comma(duration)) AS comma_votes,
    count(*) FILTER (looks_decimal_point(duration)) AS point_votes,
    (SELECT list(date) FROM (
        FROM stage WHERE date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS date_sample
FROM stage
