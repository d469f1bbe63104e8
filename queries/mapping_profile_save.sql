-- Saves (or replaces) the confirmed mapping for files with this header row.
-- params: $signature VARCHAR, $kind VARCHAR, $source VARCHAR, $mapping JSON, $headers JSON
MERGE INTO mapping_profiles AS saved
USING (SELECT $signature AS signature, $kind AS kind, $source AS source, $mapping::JSON AS mapping,
              $headers::JSON AS headers) AS given
ON saved.signature = given.signature
WHEN MATCHED THEN UPDATE SET kind = given.kind, source = given.source, mapping = given.mapping,
    headers = given.headers, created_at = current_timestamp
WHEN NOT MATCHED THEN INSERT (signature, kind, source, mapping, headers)
    VALUES (given.signature, given.kind, given.source, given.mapping, given.headers)
