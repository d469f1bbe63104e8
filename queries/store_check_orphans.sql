-- Uploads that rows point at but that are not live: never recorded (an ingest cut off
-- while committing) or undone (an undo cut off). The check on open removes their rows.
-- A row may stay superseded by an undone upload (a later upload replaced it since): only
-- rows an undone upload brought count.
-- params: none
WITH referenced AS (
    SELECT upload_id, 'activities' AS held_in, true AS brought FROM activities
    UNION ALL SELECT upload_id, 'activity_holders', true FROM activity_holders
    UNION ALL SELECT upload_id, 'opportunity_snapshots', true FROM opportunity_snapshots
    UNION ALL SELECT superseded_by, 'opportunity_snapshots', false FROM opportunity_snapshots
    UNION ALL SELECT upload_id, 'reps', true FROM reps
    UNION ALL SELECT superseded_by, 'reps', false FROM reps
    UNION ALL SELECT upload_id, 'targets', true FROM targets
    UNION ALL SELECT superseded_by, 'targets', false FROM targets
    UNION ALL SELECT upload_id, 'target_accounts', true FROM target_accounts
    UNION ALL SELECT upload_id, 'time_off', true FROM time_off
    UNION ALL SELECT upload_id, 'rejected_rows', false FROM rejected_rows
)
SELECT r.upload_id, u.upload_id IS NOT NULL AS recorded, count(*) AS references,
       string_agg(DISTINCT r.held_in, ', ' ORDER BY r.held_in) AS tables
FROM referenced r
LEFT JOIN uploads u ON u.upload_id = r.upload_id
WHERE r.upload_id IS NOT NULL
  AND (u.upload_id IS NULL OR (u.undone_at IS NOT NULL AND r.brought))
GROUP BY ALL
ORDER BY r.upload_id
