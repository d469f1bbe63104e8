-- Drops from `keyed` the pipeline rows rejected after their keys were computed
-- (ingest_outside_teams_deals), so that they are neither stored nor replace anything.
-- params: none
DELETE FROM keyed WHERE _row IN (SELECT _row FROM clean WHERE len(problems) > 0)
