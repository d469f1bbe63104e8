-- Removes the time off one upload added (periods entered by hand are never touched).
-- params: $upload_id BIGINT
DELETE FROM time_off WHERE upload_id = $upload_id
