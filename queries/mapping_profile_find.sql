-- The mapping a user confirmed for files with this header row, if any.
-- params: $signature VARCHAR
SELECT kind, source, mapping FROM mapping_profiles WHERE signature = $signature
