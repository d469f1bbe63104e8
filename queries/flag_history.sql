-- Every flag episode (open and resolved) with its acknowledgements, newest first.
-- params: $teams VARCHAR[]
SELECT f.flag_id, f.rep, f.team, f.kind, f.opened_week, f.last_seen_week, f.resolved_week,
       f.severity, f.max_severity, f.signals,
       count(a.flag_id) AS acknowledgements,
       min(a.acked_at) AS first_acked_at,
       max(a.acked_at) AS last_acked_at,
       arg_max(a.note, a.acked_at) AS last_note,
       arg_max(a.by_whom, a.acked_at) AS last_acked_by,
       date_diff('week', f.opened_week, coalesce(f.resolved_week, f.last_seen_week)) AS weeks_open
FROM flags f
LEFT JOIN flag_acknowledgements a ON a.flag_id = f.flag_id
WHERE $teams IS NULL OR list_contains($teams, f.team)
GROUP BY ALL
ORDER BY f.opened_week DESC, f.rep
