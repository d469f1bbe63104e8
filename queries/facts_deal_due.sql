-- What the deal facts have to follow: whether activity facts, snapshot weeks, stalled-deal facts and
-- open-deals-worked facts are due.
-- params: none
SELECT EXISTS (SELECT 1 FROM activity_weeks_due), EXISTS (SELECT 1 FROM snapshot_weeks_due),
       EXISTS (SELECT 1 FROM stage_weeks_due), EXISTS (SELECT 1 FROM deal_work_weeks_due)
