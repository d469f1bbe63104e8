-- How the staged pipeline file writes dates and numbers: votes for d/m vs m/d per date column and for a
-- decimal comma over every row, and a sample of each date column
-- (see dashboard/ingest/sniff.py).
-- params: none
SELECT
    count(*) FILTER (looks_day_first(created_date)) AS created_date_day_votes,
    count(*) FILTER (looks_month_first(created_date)) AS created_date_month_votes,
    count(*) FILTER (looks_day_first(close_date)) AS close_date_day_votes,
    count(*) FILTER (looks_month_first(close_date)) AS close_date_month_votes,
    count(*) FILTER (looks_day_first(closed_date)) AS closed_date_day_votes,
    count(*) FILTER (looks_month_first(closed_date)) AS closed_date_month_votes,
    count(*) FILTER (looks_day_first(modified_date)) AS modified_date_day_votes,
    count(*) FILTER (looks_month_first(modified_date)) AS modified_date_month_votes,
    count(*) FILTER (looks_day_first(snapshot_date)) AS snapshot_date_day_votes,
    count(*) FILTER (looks_month_first(snapshot_date)) AS snapshot_date_month_votes,
    count(*) FILTER (looks_decimal_comma(amount) OR looks_decimal_comma(actual_amount)) AS comma_votes,
    count(*) FILTER (looks_decimal_point(amount) OR looks_decimal_point(actual_amount)) AS point_votes,
    (SELECT list(created_date) FROM (
        FROM stage WHERE created_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS created_date_sample,
    (SELECT list(close_date) FROM (
        FROM stage WHERE close_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS close_date_sample,
    (SELECT list(closed_date) FROM (
        FROM stage WHERE closed_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS closed_date_sample,
    (SELECT list(modified_date) FROM (
        FROM stage WHERE modified_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS modified_date_sample,
    (SELECT list(snapshot_date) FROM (
        FROM stage WHERE snapshot_date IS NOT NULL USING SAMPLE reservoir(200 ROWS) REPEATABLE (1)
    )) AS snapshot_date_sample
FROM stage
