-- The open slump episode of one rep last seen in $week: its severity and that review's evidence.
-- params: $rep VARCHAR, $week DATE
SELECT severity, signals
FROM flags
WHERE rep = $rep AND kind = 'slump' AND last_seen_week = $week AND resolved_week IS NULL
