-- Stores a time-off file's periods (every row is valid: the file is loaded whole or not at
-- all), numbered after the last recorded period, under the upload that brought them.
-- params: $upload_id BIGINT
INSERT INTO time_off (time_off_id, rep, date_from, date_to, note, upload_id)
SELECT
    (SELECT coalesce(max(time_off_id), 0) FROM time_off) + row_number() OVER (ORDER BY _row),
    rep, date_from, date_to, reason, $upload_id
FROM clean
WHERE len(problems) = 0
