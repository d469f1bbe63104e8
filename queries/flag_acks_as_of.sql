-- Per rep and kind, the latest acknowledgement made in or before a week, of the flag episode that
-- week belongs to (opened by then and not yet resolved in it); later acknowledgements do not count.
-- params: $week DATE
SELECT rep, kind, acked_week, acked_severity
FROM (
    SELECT f.rep, f.kind, a.week AS acked_week, a.severity AS acked_severity,
           row_number() OVER (PARTITION BY f.rep, f.kind ORDER BY a.week DESC, a.acked_at DESC) AS n
    FROM flags f
    JOIN flag_acknowledgements a ON a.flag_id = f.flag_id
    WHERE f.opened_week <= $week
      AND (f.resolved_week IS NULL OR f.resolved_week > $week)
      AND a.week <= $week
)
WHERE n = 1
