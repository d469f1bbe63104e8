-- Removes the roster entries one upload added.
-- params: $upload_id BIGINT
DELETE FROM reps WHERE upload_id = $upload_id
