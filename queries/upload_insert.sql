-- Starts the record of one upload; its counts are filled in when the file is stored.
-- params: $id BIGINT, $file_name VARCHAR, $sha256 VARCHAR, $kind VARCHAR, $source VARCHAR, $file_format VARCHAR, $mapping JSON, $uploaded_by VARCHAR
INSERT INTO uploads (upload_id, file_name, sha256, kind, source, file_format, rows_read, rows_loaded,
                     rows_rejected, duplicates_skipped, mapping, uploaded_by)
VALUES ($id, $file_name, $sha256, $kind, $source, $file_format, 0, 0, 0, 0, $mapping, $uploaded_by)
