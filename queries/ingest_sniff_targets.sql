-- How the staged targets file writes dates and numbers: votes for d/m vs m/d per date column and for a
-- decimal comma over every row, and a sample of each date column
-- (see dashboard/ingest/sniff.py).
-- params: none
SELECT
    count(*) FILTER (looks_day_first(effective_from)) AS effective_from_day_votes,
    count(*) FILTER (looks_month_first(effective_from)) AS effective_from_month_votes,
    count(*) FILTER (looks_day_first(effective_to)) AS effective_to_day_votes,
    count(*) FILTER (looks_month_first(effective_to)) AS effective_to_month_votes,
    count(*) FILTER (looks_decimal_comma(value)) AS comma_votes,
    count(*) FILTER (looks_decimal_point(value)) AS point_votes,
    (SELECT list(effective_from) FROM (
        FROM stage WHERE effective_from IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS effective_from_sample,
    (SELECT list(effective_to) FROM (
        FROM stage WHERE effective_to IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS effective_to_sample
FROM stage
