-- Marks as due, for every opportunity one pipeline upload holds or replaced (after an ingest
-- stores its rows, before an undo removes them), the (owner, created week) and (owner, close
-- week) pairs of all its stored rows: its latest row, before and after, is one of them.
-- params: $upload_id BIGINT
INSERT INTO opportunity_weeks_due
SELECT DISTINCT name_key, date_trunc('week', day)::DATE
FROM (
    SELECT lower(trim(owner)) AS name_key, unnest([created_date, close_date]) AS day
    FROM opportunity_snapshots
    WHERE opportunity_key IN (
        SELECT opportunity_key FROM opportunity_snapshots
        WHERE upload_id = $upload_id OR superseded_by = $upload_id
    )
)
WHERE day IS NOT NULL
