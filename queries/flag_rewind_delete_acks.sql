-- Drops the acknowledgements of one rep's episodes opened on or after a week (see flag_rewind_acks).
-- params: $rep VARCHAR, $week DATE
DELETE FROM flag_acknowledgements
WHERE flag_id IN (SELECT flag_id FROM flags WHERE rep = $rep AND opened_week >= $week)
