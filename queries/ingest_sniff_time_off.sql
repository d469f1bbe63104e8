-- How the staged time-off file writes dates: votes for d/m vs m/d per date column over every
-- row, and a sample of each date column (see dashboard/ingest/sniff.py).
-- params: none
SELECT
    count(*) FILTER (looks_day_first(date_from)) AS date_from_day_votes,
    count(*) FILTER (looks_month_first(date_from)) AS date_from_month_votes,
    count(*) FILTER (looks_day_first(date_to)) AS date_to_day_votes,
    count(*) FILTER (looks_month_first(date_to)) AS date_to_month_votes,
    (SELECT list(date_from) FROM (
        FROM stage WHERE date_from IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS date_from_sample,
    (SELECT list(date_to) FROM (
        FROM stage WHERE date_to IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS date_to_sample
FROM stage
