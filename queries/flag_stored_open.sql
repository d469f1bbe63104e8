-- The open slump and hygiene episodes of one rep last seen in $week: their kind, severity and that review's evidence.
-- params: $rep VARCHAR, $week DATE
SELECT kind, severity, signals
FROM flags
WHERE rep = $rep AND kind IN ('slump', 'hygiene') AND last_seen_week = $week AND resolved_week IS NULL
ORDER BY kind = 'hygiene'
