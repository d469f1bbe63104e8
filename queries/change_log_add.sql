-- Notes a change to the data and who made it; pages cache on the latest change (its id is the
-- last one + 1: the writer holds its turn).
-- params: $what VARCHAR, $upload_id BIGINT, $by VARCHAR
INSERT INTO change_log (change_id, what, upload_id, changed_by)
SELECT coalesce(max(change_id), 0) + 1, $what, $upload_id, $by FROM change_log
