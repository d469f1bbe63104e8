-- Removes the target accounts one upload added.
-- params: $upload_id BIGINT
DELETE FROM target_accounts WHERE upload_id = $upload_id
