-- Stores the valid target accounts not already listed for the same rep and team.
-- params: $upload_id BIGINT
INSERT INTO target_accounts
SELECT account, rep, team, $upload_id, NULL
FROM clean c
WHERE len(problems) = 0
  AND NOT EXISTS (
      SELECT 1 FROM target_accounts t
      WHERE t.superseded_by IS NULL
        AND lower(t.account) = lower(c.account)
        AND lower(t.rep) IS NOT DISTINCT FROM lower(c.rep)
        AND lower(t.team) IS NOT DISTINCT FROM lower(c.team)
  )
QUALIFY row_number() OVER (PARTITION BY lower(account), lower(rep), lower(team) ORDER BY _row) = 1
