-- Remembers what one stage of a source's pipeline means (won, lost or open).
-- params: $source VARCHAR, $stage VARCHAR, $status VARCHAR
INSERT OR REPLACE INTO stage_statuses (source, stage, status) VALUES ($source, lower(trim($stage)), $status)
