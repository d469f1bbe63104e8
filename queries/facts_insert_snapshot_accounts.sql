-- Recomputes the open-deal accounts of the due weeks: per owner and account (lower-cased,
-- trimmed, never blank), the open deals of the latest snapshot taken for that week.
-- params: none
INSERT INTO snapshot_account_weeks
WITH taken AS (
    SELECT described_week(snapshot_date) AS week, max(snapshot_date) AS snapshot_date
    FROM opportunity_snapshots
    WHERE superseded_by IS NULL AND described_week(snapshot_date) IN (SELECT week FROM snapshot_weeks_due)
    GROUP BY ALL
)
SELECT lower(trim(o.owner)), t.week, lower(trim(o.account)), count(*)
FROM opportunity_snapshots o
JOIN taken t USING (snapshot_date)
WHERE o.superseded_by IS NULL AND o.status = 'open' AND nullif(trim(o.account), '') IS NOT NULL
GROUP BY 1, 2, 3
