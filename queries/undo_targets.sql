-- Removes the targets one upload added.
-- params: $upload_id BIGINT
DELETE FROM targets WHERE upload_id = $upload_id
