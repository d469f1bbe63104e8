-- The flag episode of one rep and kind that a week belongs to (opened by then and not yet
-- resolved in it), the most recent first.
-- params: $rep VARCHAR, $kind VARCHAR, $week DATE
SELECT flag_id, severity
FROM flags
WHERE rep = $rep AND kind = $kind AND opened_week <= $week
  AND (resolved_week IS NULL OR resolved_week > $week)
ORDER BY opened_week DESC
LIMIT 1
