-- DuckDB's memory cap in force, as DuckDB writes it ('667.5 MiB'): memory_cap sets it back with it.
-- params: none
SELECT current_setting('memory_limit')
