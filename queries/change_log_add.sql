-- Notes a change to the data; pages cache on the latest change.
-- params: $what VARCHAR, $upload_id BIGINT
INSERT INTO change_log (what, upload_id) VALUES ($what, $upload_id)
