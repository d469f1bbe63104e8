-- The snapshot taken last for each due week (described_week()): what the week's snapshot facts
-- are recomputed from (temp table `taken_snapshots`, read by facts_insert_snapshot_*).
-- params: none
CREATE OR REPLACE TEMP TABLE taken_snapshots AS
SELECT described_week(snapshot_date) AS week, max(snapshot_date) AS snapshot_date
FROM opportunity_snapshots
WHERE superseded_by IS NULL AND described_week(snapshot_date) IN (SELECT week FROM snapshot_weeks_due)
GROUP BY ALL
