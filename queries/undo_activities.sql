-- Removes the activities one upload added.
-- params: $upload_id BIGINT
DELETE FROM activities WHERE upload_id = $upload_id
