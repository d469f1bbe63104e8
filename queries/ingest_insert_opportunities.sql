-- Stores the valid snapshot rows under their keys (ingest_keys_opportunities), with their
-- status (ingest_opportunity_statuses), self-sourced / marketing from lead_source_rules, the
-- actual amount of a won deal where the export has one, and the actual close date of a
-- closed deal where it has one (else the expected one).
-- params: $upload_id BIGINT
INSERT INTO opportunity_snapshots BY NAME
WITH fresh AS (
    SELECT c.*, k.stored_key, s.status
    FROM clean c
    JOIN keyed k ON k._row = c._row AND k.same_as_row IS NULL
    JOIN statuses s
      ON c.status_text IS NOT DISTINCT FROM s.status_text AND c.stage IS NOT DISTINCT FROM s.stage
     AND c.is_won IS NOT DISTINCT FROM s.is_won AND c.is_closed IS NOT DISTINCT FROM s.is_closed
     AND c.active IS NOT DISTINCT FROM s.active
),
sources AS (
    SELECT s.lead_source, coalesce(arg_min(r.source_type, r.priority), 'unknown') AS source_type
    FROM (SELECT DISTINCT lead_source FROM fresh) s
    LEFT JOIN lead_source_rules r ON regexp_matches(s.lead_source, r.pattern, 'i')
    GROUP BY ALL
)
SELECT
    f.snapshot_date, f.stored_key AS opportunity_key, f.opportunity_id, f.opportunity_name, f.owner, f.account,
    f.stage,
    CASE WHEN f.status = 'won' THEN coalesce(f.actual_amount, f.amount) ELSE f.amount END AS amount,
    f.created_date,
    CASE WHEN f.status = 'open' THEN coalesce(f.close_date, f.closed_date) ELSE coalesce(f.closed_date, f.close_date) END
        AS close_date,
    f.status, f.lead_source, s.source_type, $upload_id AS upload_id, NULL AS superseded_by, f.currency
FROM fresh f
JOIN sources s ON f.lead_source IS NOT DISTINCT FROM s.lead_source
