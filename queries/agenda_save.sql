-- Stores one version of a rep's agenda for a week.
-- params: $rep VARCHAR, $week DATE, $body VARCHAR, $recognition_items INTEGER, $focus_items INTEGER, $saved_by VARCHAR
INSERT INTO agendas (rep, week, body, recognition_items, focus_items, saved_by)
VALUES ($rep, $week, $body, $recognition_items, $focus_items, $saved_by)
RETURNING agenda_id
