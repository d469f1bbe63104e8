-- The current (latest saved) agenda of each rep and week between two Mondays, with team and manager.
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[]
SELECT d.rep, d.team, d.manager, a.week, a.recognition_items, a.focus_items, a.saved_by, a.saved_at
FROM agendas a
JOIN kept_rep_directory() d ON lower(d.rep) = lower(trim(a.rep))
WHERE a.week BETWEEN $from_week::DATE AND $to_week::DATE
  AND d.team IS NOT NULL AND ($teams IS NULL OR list_contains($teams, d.team))
QUALIFY row_number() OVER (PARTITION BY d.rep, a.week ORDER BY a.saved_at DESC, a.agenda_id DESC) = 1
ORDER BY a.week, lower(d.rep)
