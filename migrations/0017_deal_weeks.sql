-- Weekly facts of the two deal metrics that read more than one week's rows (dashboard/deal_facts.py keeps
-- them in step at every activity upload, pipeline upload, undo, category rule and roster change), so
-- that no reader joins every week's accounts or reads every snapshot's stage history.

-- Per owner name (lower-cased, trimmed) and described week (described_week()): the open deals of the
-- latest snapshot taken for that week, and how many of them had sat in one stage for 28 days or more
-- (open_deals_stalled). Only weeks with an open deal have a row.
CREATE TABLE stage_weeks (
    name_key      VARCHAR NOT NULL,
    week          DATE NOT NULL,
    open_deals    BIGINT NOT NULL,
    stalled_deals BIGINT NOT NULL
);

-- Per rep (as rep_aliases() names them) and week: the open deals of the snapshot in force that week
-- whose account the rep logged an activity on that week, under any spelling (open_deals_worked).
-- Keyed by the rep, not by the name: the accounts of every spelling of a rep count once, so a change
-- of the spellings (deal_work_aliases) marks the rep's weeks due.
CREATE TABLE deal_work_weeks (
    rep                VARCHAR NOT NULL,
    week               DATE NOT NULL,
    open_deals_touched BIGINT NOT NULL
);

-- The spellings the rep-keyed facts were computed with (rep_aliases() as it was).
CREATE TABLE deal_work_aliases (
    alias VARCHAR NOT NULL,
    rep   VARCHAR NOT NULL
);

-- The pairs a write changed, recomputed before its transaction commits.
CREATE TABLE stage_weeks_due (
    name_key VARCHAR NOT NULL,
    week     DATE NOT NULL
);
CREATE TABLE deal_work_weeks_due (
    rep  VARCHAR NOT NULL,
    week DATE NOT NULL
);
