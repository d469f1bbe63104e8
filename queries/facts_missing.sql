-- Whether activities, whether pipeline snapshots, are stored without their weekly facts, and whether
-- the deal facts were never computed though reps are known (a store from before the facts existed, or
-- rows written around dashboard/facts.py), or were kept before the stage moves were
-- (migrations/0024_stage_moves.sql).
-- params: none
SELECT EXISTS (SELECT 1 FROM activities) AND NOT EXISTS (SELECT 1 FROM activity_weeks) AS activities,
       EXISTS (SELECT 1 FROM opportunity_snapshots WHERE superseded_by IS NULL)
           AND NOT EXISTS (SELECT 1 FROM snapshot_weeks) AS pipeline,
       NOT EXISTS (SELECT 1 FROM deal_work_aliases)  -- (rep_aliases() is not empty: cheaper to ask its sources)
           AND (EXISTS (SELECT 1 FROM reps WHERE superseded_by IS NULL) OR EXISTS (SELECT 1 FROM activity_weeks)
                OR EXISTS (SELECT 1 FROM opportunity_snapshots WHERE superseded_by IS NULL))
       OR EXISTS (SELECT 1 FROM stage_weeks WHERE moved_deals IS NULL) AS deals  -- kept before 0024
