-- Open flag episodes (not resolved), with the latest acknowledgement if any.
-- params: none
SELECT f.flag_id, f.rep, f.team, f.kind, f.opened_week, f.last_seen_week, f.severity, f.max_severity,
       a.week AS acked_week, a.severity AS acked_severity
FROM flags f
LEFT JOIN (
    SELECT flag_id, week, severity,
           row_number() OVER (PARTITION BY flag_id ORDER BY acked_at DESC, week DESC) AS n
    FROM flag_acknowledgements
) a ON a.flag_id = f.flag_id AND a.n = 1
WHERE f.resolved_week IS NULL
