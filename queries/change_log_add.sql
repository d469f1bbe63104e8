-- Notes a change to the data and who made it; pages cache on the latest change.
-- params: $what VARCHAR, $upload_id BIGINT, $by VARCHAR
INSERT INTO change_log (what, upload_id, changed_by) VALUES ($what, $upload_id, $by)
