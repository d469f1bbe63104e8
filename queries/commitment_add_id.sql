-- The next commitment's id (the writer holds its turn: no other insert comes between).
-- params: none
SELECT coalesce(max(commitment_id), 0) + 1 FROM commitments
