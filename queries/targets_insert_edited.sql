-- Inserts the targets edited in the app (registered as `edited_targets`) under their upload.
-- params: $upload_id BIGINT
INSERT INTO targets (metric, value, period, team, rep, effective_from, effective_to, upload_id)
SELECT metric, value, period, team, rep, effective_from::DATE, effective_to::DATE, $upload_id
FROM edited_targets
