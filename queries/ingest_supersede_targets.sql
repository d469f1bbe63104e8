-- Marks stored targets that this upload sets again (same metric, scope and start date).
-- params: $upload_id BIGINT
UPDATE targets AS t
SET superseded_by = $upload_id
FROM (SELECT DISTINCT metric, team, rep, effective_from FROM clean WHERE len(problems) = 0) AS n
WHERE t.superseded_by IS NULL
  AND t.metric = n.metric
  AND t.team IS NOT DISTINCT FROM n.team
  AND t.rep IS NOT DISTINCT FROM n.rep
  AND t.effective_from = n.effective_from
