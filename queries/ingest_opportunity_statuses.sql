-- Won / lost / open for each distinct (status, stage, won?, closed?) of the cleaned pipeline
-- file, and how it was decided: the won/closed yes-no columns first (an archived deal, Odoo's
-- Active = no, is lost unless something says won), then the status column
-- (status_rules), then what the user said a stage of this source means (stage_statuses),
-- then the stage name (status_rules). `decided_by` is NULL where nothing said: such a row is
-- open, and its stage is one the app asks about (see ingest.statuses).
-- params: $source VARCHAR
CREATE OR REPLACE TEMP TABLE statuses AS
WITH kinds AS (
    SELECT DISTINCT status_text, stage, is_won, is_closed, active FROM clean WHERE len(problems) = 0
),
by_status AS (
    SELECT k.status_text, arg_min(r.status, r.priority) AS status
    FROM (SELECT DISTINCT status_text FROM kinds WHERE status_text IS NOT NULL) k
    JOIN status_rules r
      ON r.field = 'status' AND (r.source IS NULL OR r.source = $source)
     AND regexp_matches(k.status_text, r.pattern, 'i')
    GROUP BY ALL
),
by_stage AS (
    SELECT k.stage, arg_min(r.status, r.priority) AS status
    FROM (SELECT DISTINCT stage FROM kinds) k
    JOIN status_rules r
      ON r.field = 'stage' AND (r.source IS NULL OR r.source = $source)
     AND regexp_matches(k.stage, r.pattern, 'i')
    GROUP BY ALL
),
told AS (
    SELECT stage, status FROM stage_statuses WHERE source = $source
)
SELECT
    k.status_text, k.stage, k.is_won, k.is_closed, k.active,
    CASE
        WHEN k.is_won THEN 'won'
        WHEN k.is_closed AND k.is_won IS NOT NULL THEN 'lost'
        WHEN NOT k.is_closed THEN 'open'
        WHEN NOT k.active AND coalesce(s.status, t.status, g.status, 'lost') <> 'won' THEN 'lost'
        ELSE coalesce(s.status, t.status, g.status, 'open')
    END AS status,
    CASE
        WHEN k.is_won OR (k.is_closed AND k.is_won IS NOT NULL) OR NOT k.is_closed THEN 'won/closed columns'
        WHEN NOT k.active AND coalesce(s.status, t.status, g.status, 'lost') <> 'won' THEN 'active column'
        WHEN s.status IS NOT NULL THEN 'status column'
        WHEN t.status IS NOT NULL THEN 'you said so'
        WHEN g.status IS NOT NULL THEN 'stage name'
    END AS decided_by
FROM kinds k
LEFT JOIN by_status s ON s.status_text = k.status_text
LEFT JOIN told t ON t.stage = lower(k.stage)
LEFT JOIN by_stage g ON g.stage = k.stage
