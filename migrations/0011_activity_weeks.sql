-- Weekly facts kept beside the raw activities (dashboard/facts.py keeps them in step), so
-- that weekly metrics, rules and agendas never scan every activity.
-- Keyed by the rep's name as the export wrote it (lower-cased, trimmed), not by the rep it
-- means: a roster change needs no refresh, readers map names to reps through rep_aliases().

-- One row per name and ISO week (Monday): the additive inputs of the activity metrics.
CREATE TABLE activity_weeks (
    name_key            VARCHAR NOT NULL,
    week                DATE NOT NULL,
    name                VARCHAR NOT NULL,  -- one spelling of it, as written (trimmed)
    prospecting_minutes DOUBLE NOT NULL,
    calls               BIGINT NOT NULL,
    connects            BIGINT NOT NULL,
    monday_calls        BIGINT NOT NULL,
    first_meetings      BIGINT NOT NULL,
    activities_logged   BIGINT NOT NULL,
    with_account        BIGINT NOT NULL
);

-- The accounts (lower-cased, trimmed, never blank) each name logged an activity on that week.
CREATE TABLE activity_account_weeks (
    name_key VARCHAR NOT NULL,
    week     DATE NOT NULL,
    account  VARCHAR NOT NULL
);

-- The (name, week) pairs a write changed, recomputed before its transaction commits.
CREATE TABLE activity_weeks_due (
    name_key VARCHAR NOT NULL,
    week     DATE NOT NULL
);
