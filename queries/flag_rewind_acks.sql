-- Acknowledgements of one rep's flag episodes opened on or after a week (a re-review replaces
-- those episodes, then hands each acknowledgement to the episode its week belongs to).
-- params: $rep VARCHAR, $week DATE
SELECT f.kind, a.week, a.severity, a.note, a.by_whom, a.acked_at
FROM flag_acknowledgements a JOIN flags f ON f.flag_id = a.flag_id
WHERE f.rep = $rep AND f.opened_week >= $week
ORDER BY a.acked_at
