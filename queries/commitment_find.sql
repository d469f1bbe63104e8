-- Whether there is such a commitment (one row, or none).
-- params: $commitment_id BIGINT
SELECT commitment_id FROM commitments WHERE commitment_id = $commitment_id
