-- Weekly pipeline facts kept beside the raw snapshots (dashboard/facts.py keeps them in step at
-- every pipeline upload and undo), so that weekly metrics never read every snapshot row.
-- Keyed, like activity_weeks, by the owner's name as the export wrote it (lower-cased, trimmed):
-- a roster change needs no refresh, readers map names to reps through rep_aliases().

-- Per owner name and week: what the latest snapshot row of each opportunity says was created
-- (by created week) and closed (by close week) that week.
CREATE TABLE opportunity_weeks (
    name_key                VARCHAR NOT NULL,
    week                    DATE NOT NULL,
    opportunities_created   BIGINT NOT NULL,
    pipeline_created        DECIMAL(38, 2) NOT NULL,
    opportunities_over_100k BIGINT NOT NULL,
    self_sourced_created    BIGINT NOT NULL,
    wins                    BIGINT NOT NULL,
    won_revenue             DECIMAL(38, 2) NOT NULL,
    losses                  BIGINT NOT NULL,
    won_cycle_days          BIGINT NOT NULL,
    won_with_cycle          BIGINT NOT NULL,
    won_with_amount         BIGINT NOT NULL
);

-- Per owner name and described week (described_week()): the owner's rows in the latest
-- snapshot taken for that week, and its open deals and their amount.
CREATE TABLE snapshot_weeks (
    name_key      VARCHAR NOT NULL,
    week          DATE NOT NULL,
    deals         BIGINT NOT NULL,  -- rows of any status: the week's snapshot holds the owner
    open_deals    BIGINT NOT NULL,
    open_pipeline DECIMAL(38, 2) NOT NULL
);

-- The accounts (lower-cased, trimmed, never blank) of those open deals, with how many.
CREATE TABLE snapshot_account_weeks (
    name_key VARCHAR NOT NULL,
    week     DATE NOT NULL,
    account  VARCHAR NOT NULL,
    deals    BIGINT NOT NULL
);

-- The (name, week) pairs of opportunity_weeks and the weeks of snapshot_weeks a write changed,
-- recomputed before its transaction commits.
CREATE TABLE opportunity_weeks_due (
    name_key VARCHAR NOT NULL,
    week     DATE NOT NULL
);
CREATE TABLE snapshot_weeks_due (
    week DATE NOT NULL
);
