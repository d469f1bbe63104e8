-- After an upload is undone: it holds nothing any more, and an upload that now stores an
-- activity is no longer listed as a mere holder of it.
-- params: $upload_id BIGINT
DELETE FROM activity_holders AS h
WHERE h.upload_id = $upload_id
   OR EXISTS (SELECT 1 FROM activities a WHERE a.activity_key = h.activity_key AND a.upload_id = h.upload_id)
