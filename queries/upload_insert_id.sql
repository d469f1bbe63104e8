-- The next upload's id (the writer holds its turn: no other insert comes between).
-- params: none
SELECT coalesce(max(upload_id), 0) + 1 FROM uploads
