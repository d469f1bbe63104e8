-- Stores the valid roster rows (the last row wins when a rep appears twice).
-- params: $upload_id BIGINT
INSERT INTO reps BY NAME
SELECT rep, rep_key, email, team, manager, start_date, end_date, active, $upload_id AS upload_id,
    NULL AS superseded_by, user_id
FROM clean
WHERE len(problems) = 0
QUALIFY row_number() OVER (PARTITION BY rep_key ORDER BY _row DESC) = 1
