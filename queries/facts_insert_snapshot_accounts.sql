-- Recomputes the open-deal accounts of the due weeks: per owner and account (lower-cased,
-- trimmed, never blank), the open deals of the latest snapshot taken for that week
-- (temp table `taken_snapshots`).
-- params: none
INSERT INTO snapshot_account_weeks
SELECT lower(trim(o.owner)), t.week, lower(trim(o.account)), count(*)
FROM opportunity_snapshots o
JOIN taken_snapshots t USING (snapshot_date)
WHERE o.superseded_by IS NULL AND o.status = 'open' AND nullif(trim(o.account), '') IS NOT NULL
GROUP BY 1, 2, 3
