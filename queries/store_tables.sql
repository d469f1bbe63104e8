-- The store's own tables (not temporary ones), for a copy into another store.
-- params: none
SELECT table_name
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = current_schema() AND NOT temporary
ORDER BY table_name
