-- How the staged roster writes dates: votes for d/m vs m/d per date column over every row, and a sample of each date column
-- (see dashboard/ingest/sniff.py).
-- params: none
SELECT
    count(*) FILTER (looks_day_first(start_date)) AS start_date_day_votes,
    count(*) FILTER (looks_month_first(start_date)) AS start_date_month_votes,
    count(*) FILTER (looks_day_first(end_date)) AS end_date_day_votes,
    count(*) FILTER (looks_month_first(end_date)) AS end_date_month_votes,
    (SELECT list(start_date) FROM (
        FROM stage WHERE start_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS start_date_sample,
    (SELECT list(end_date) FROM (
        FROM stage WHERE end_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS end_date_sample
FROM stage
