-- Stores the valid snapshot rows (first row per opportunity and snapshot date), with
-- self-sourced / marketing from lead_source_rules.
-- params: $upload_id BIGINT
INSERT INTO opportunity_snapshots
WITH fresh AS (
    SELECT *
    FROM clean
    WHERE len(problems) = 0
    QUALIFY row_number() OVER (PARTITION BY snapshot_date, opportunity_key ORDER BY _row) = 1
),
sources AS (
    SELECT s.lead_source, coalesce(arg_min(r.source_type, r.priority), 'unknown') AS source_type
    FROM (SELECT DISTINCT lead_source FROM fresh) s
    LEFT JOIN lead_source_rules r ON regexp_matches(s.lead_source, r.pattern, 'i')
    GROUP BY ALL
)
SELECT
    f.snapshot_date, f.opportunity_key, f.opportunity_id, f.opportunity_name, f.owner, f.account,
    f.stage, f.amount, f.created_date, f.close_date, f.status, f.lead_source, s.source_type,
    $upload_id, NULL
FROM fresh f
JOIN sources s ON f.lead_source IS NOT DISTINCT FROM s.lead_source
