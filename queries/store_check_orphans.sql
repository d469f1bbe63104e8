-- Uploads that rows point at but that are not live: never recorded (an ingest cut off
-- while committing) or undone (an undo cut off). The check on open removes their rows.
-- A row may stay superseded by an undone upload (a later upload replaced it since): only
-- rows an undone upload brought count.
-- Each table's references are counted per upload first (a handful of uploads, millions of
-- activities), so only those counts meet the uploads table.
-- params: none
WITH referenced AS (
    SELECT upload_id, 'activities' AS held_in, true AS brought, count(*) AS n FROM activities GROUP BY ALL
    UNION ALL SELECT upload_id, 'activity_holders', true, count(*) FROM activity_holders GROUP BY ALL
    UNION ALL SELECT upload_id, 'opportunity_snapshots', true, count(*) FROM opportunity_snapshots GROUP BY ALL
    UNION ALL SELECT superseded_by, 'opportunity_snapshots', false, count(*) FROM opportunity_snapshots GROUP BY ALL
    UNION ALL SELECT upload_id, 'reps', true, count(*) FROM reps GROUP BY ALL
    UNION ALL SELECT superseded_by, 'reps', false, count(*) FROM reps GROUP BY ALL
    UNION ALL SELECT upload_id, 'targets', true, count(*) FROM targets GROUP BY ALL
    UNION ALL SELECT superseded_by, 'targets', false, count(*) FROM targets GROUP BY ALL
    UNION ALL SELECT upload_id, 'target_accounts', true, count(*) FROM target_accounts GROUP BY ALL
    UNION ALL SELECT upload_id, 'time_off', true, count(*) FROM time_off GROUP BY ALL
    UNION ALL SELECT upload_id, 'rejected_rows', false, count(*) FROM rejected_rows GROUP BY ALL
)
SELECT r.upload_id, u.upload_id IS NOT NULL AS recorded, sum(r.n)::BIGINT AS references,
       string_agg(DISTINCT r.held_in, ', ' ORDER BY r.held_in) AS tables
FROM referenced r
LEFT JOIN uploads u ON u.upload_id = r.upload_id
WHERE r.upload_id IS NOT NULL
  AND (u.upload_id IS NULL OR (u.undone_at IS NOT NULL AND r.brought))
GROUP BY ALL
ORDER BY r.upload_id
