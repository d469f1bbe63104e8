-- One upload's kind, who loaded it and whether it was undone (nothing if there is no such upload).
-- params: $upload_id BIGINT
SELECT kind, uploaded_by, undone_at FROM uploads WHERE upload_id = $upload_id
