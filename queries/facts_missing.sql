-- Whether activities, and whether pipeline snapshots, are stored without their weekly facts (a
-- store from before the facts existed, or rows written around dashboard/facts.py).
-- params: none
SELECT EXISTS (SELECT 1 FROM activities) AND NOT EXISTS (SELECT 1 FROM activity_weeks) AS activities,
       EXISTS (SELECT 1 FROM opportunity_snapshots WHERE superseded_by IS NULL)
           AND NOT EXISTS (SELECT 1 FROM snapshot_weeks) AS pipeline
