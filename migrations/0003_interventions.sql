-- Early intervention: recorded time off, flag episodes and their acknowledgements.
--
-- A flag episode is one rep + kind (slump | hygiene) from the week it opened
-- to the week it was last seen; it is resolved when a later review no longer
-- raises it. Resolved episodes stay as history (the leader view counts them).

CREATE SEQUENCE flag_id_seq START 1;

CREATE TABLE time_off (
    rep       VARCHAR NOT NULL,
    date_from DATE NOT NULL,
    date_to   DATE NOT NULL,
    note      VARCHAR,
    added_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (date_to >= date_from)
);

CREATE TABLE flags (
    flag_id        BIGINT PRIMARY KEY DEFAULT nextval('flag_id_seq'),
    rep            VARCHAR NOT NULL,
    team           VARCHAR,
    kind           VARCHAR NOT NULL,              -- slump | hygiene
    opened_week    DATE NOT NULL,
    last_seen_week DATE NOT NULL,
    resolved_week  DATE,                          -- first reviewed week without the flag
    severity       VARCHAR NOT NULL,              -- latest: high | medium | low
    max_severity   VARCHAR NOT NULL,
    signals        JSON NOT NULL                  -- latest evidence: [{metric, rule, detail}]
);

CREATE TABLE flag_acknowledgements (
    flag_id   BIGINT NOT NULL,
    week      DATE NOT NULL,                      -- the week reviewed when acknowledged
    severity  VARCHAR NOT NULL,                   -- severity at that moment
    note      VARCHAR NOT NULL,
    by_whom   VARCHAR,
    acked_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
