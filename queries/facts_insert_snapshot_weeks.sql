-- Recomputes the snapshot facts of the due weeks: per owner, the rows, open deals and open
-- amount of the latest snapshot taken for that week (temp table `taken_snapshots`).
-- params: none
INSERT INTO snapshot_weeks
SELECT lower(trim(o.owner)), t.week, count(*), count(*) FILTER (o.status = 'open'),
       coalesce(sum(o.amount) FILTER (o.status = 'open'), 0)
FROM opportunity_snapshots o
JOIN taken_snapshots t USING (snapshot_date)
WHERE o.superseded_by IS NULL
GROUP BY 1, 2
