-- Stores one version of a rep's agenda for a week.
-- params: $id BIGINT, $rep VARCHAR, $week DATE, $body VARCHAR, $recognition_items INTEGER, $focus_items INTEGER, $saved_by VARCHAR
INSERT INTO agendas (agenda_id, rep, week, body, recognition_items, focus_items, saved_by)
VALUES ($id, $rep, $week, $body, $recognition_items, $focus_items, $saved_by)
