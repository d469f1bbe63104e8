-- The next agenda version's id (the writer holds its turn: no other insert comes between).
-- params: none
SELECT coalesce(max(agenda_id), 0) + 1 FROM agendas
