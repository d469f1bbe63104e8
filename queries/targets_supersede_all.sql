-- Marks every target in force as replaced by an edit made in the app; returns how many.
-- params: $upload_id BIGINT
UPDATE targets SET superseded_by = $upload_id WHERE superseded_by IS NULL
