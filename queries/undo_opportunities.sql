-- Removes the pipeline snapshot rows one upload added.
-- params: $upload_id BIGINT
DELETE FROM opportunity_snapshots WHERE upload_id = $upload_id
