-- Says one spelling is a roster rep (dashboard/name_links.py link; name_links_remove runs first).
-- params: $name_key VARCHAR, $shown VARCHAR, $rep_key VARCHAR, $by VARCHAR
INSERT INTO name_links (name_key, name, rep_key, linked_by, linked_at)
SELECT $name_key, $shown, $rep_key, $by, now()::TIMESTAMP
