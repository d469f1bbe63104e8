-- Holds one rule's pattern in a variable: getvariable() is a constant, so DuckDB compiles
-- the regular expression once, not once per row as it does for a pattern from a column.
-- params: $pattern VARCHAR
SET VARIABLE ingest_rule_pattern = $pattern
