-- Saves (or replaces) the confirmed mapping for files with this header row.
-- params: $signature VARCHAR, $kind VARCHAR, $source VARCHAR, $mapping JSON, $headers JSON
INSERT OR REPLACE INTO mapping_profiles (signature, kind, source, mapping, headers)
VALUES ($signature, $kind, $source, $mapping, $headers)
