-- One rep's episodes alive in the week before $week go back to how that week left them: open, last
-- seen then (weeks are reviewed one after another, so an episode is seen every week it is open).
-- params: $rep VARCHAR, $week DATE
UPDATE flags
SET last_seen_week = CAST($week AS DATE) - INTERVAL 7 DAY, resolved_week = NULL
WHERE rep = $rep AND opened_week < $week AND (resolved_week IS NULL OR resolved_week >= $week)
