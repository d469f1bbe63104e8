-- Recomputes the snapshot facts of the due weeks: per owner, the rows, open deals and open
-- amount of the latest snapshot taken for that week (described_week()).
-- params: none
INSERT INTO snapshot_weeks
WITH taken AS (
    SELECT described_week(snapshot_date) AS week, max(snapshot_date) AS snapshot_date
    FROM opportunity_snapshots
    WHERE superseded_by IS NULL AND described_week(snapshot_date) IN (SELECT week FROM snapshot_weeks_due)
    GROUP BY ALL
)
SELECT lower(trim(o.owner)), t.week, count(*), count(*) FILTER (o.status = 'open'),
       coalesce(sum(o.amount) FILTER (o.status = 'open'), 0)
FROM opportunity_snapshots o
JOIN taken t USING (snapshot_date)
WHERE o.superseded_by IS NULL
GROUP BY 1, 2
