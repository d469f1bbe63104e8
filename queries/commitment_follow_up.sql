-- Records how a commitment went: done, partly or not yet.
-- params: $commitment_id BIGINT, $status VARCHAR, $week DATE, $by VARCHAR
UPDATE commitments
SET status = $status, followed_up_week = $week, followed_up_by = $by, followed_up_at = current_timestamp
WHERE commitment_id = $commitment_id
