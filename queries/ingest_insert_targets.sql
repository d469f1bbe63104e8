-- Stores the valid target rows (the last row wins for the same metric, scope and start).
-- params: $upload_id BIGINT
INSERT INTO targets
SELECT metric, value, period, team, rep, effective_from, effective_to, $upload_id, NULL
FROM clean
WHERE len(problems) = 0
QUALIFY row_number() OVER (PARTITION BY metric, team, rep, effective_from ORDER BY _row DESC) = 1
