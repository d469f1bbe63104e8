-- Flag episodes opened up to a week, with team, manager and the first acknowledgement up to that week.
-- params: $to_week DATE, $teams VARCHAR[]
SELECT f.flag_id, d.rep, d.team, d.manager, f.kind, f.opened_week, f.last_seen_week, f.resolved_week,
       f.severity, min(a.week) AS first_acked_week
FROM flags f
JOIN kept_rep_directory() d ON lower(d.rep) = lower(trim(f.rep))
LEFT JOIN flag_acknowledgements a ON a.flag_id = f.flag_id AND a.week <= $to_week::DATE
WHERE f.opened_week <= $to_week::DATE
  AND d.team IS NOT NULL AND ($teams IS NULL OR list_contains($teams, d.team))
GROUP BY ALL
ORDER BY f.opened_week, f.flag_id
