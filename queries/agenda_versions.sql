-- Saved versions of a rep's agenda for a week, newest first.
-- params: $rep VARCHAR, $week DATE
SELECT agenda_id, body, saved_by, saved_at
FROM agendas
WHERE rep = $rep AND week = $week
ORDER BY saved_at DESC, agenda_id DESC
