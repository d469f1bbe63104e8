-- True when activities or pipeline snapshots are stored but their weekly facts are not (a store
-- from before the facts existed, or rows written around dashboard/facts.py).
-- params: none
SELECT (EXISTS (SELECT 1 FROM activities) AND NOT EXISTS (SELECT 1 FROM activity_weeks))
    OR (EXISTS (SELECT 1 FROM opportunity_snapshots WHERE superseded_by IS NULL)
        AND NOT EXISTS (SELECT 1 FROM snapshot_weeks))
