-- Coaching records (PRODUCT.md "coaching"): one-on-one agendas with their
-- history, the focus areas agreed in them, and commitments with follow-up.
--
-- Every save of an agenda is a new row (history: who, when); the latest row
-- for a rep and week is the current version.

CREATE SEQUENCE agenda_id_seq START 1;
CREATE SEQUENCE commitment_id_seq START 1;

CREATE TABLE agendas (
    agenda_id  BIGINT PRIMARY KEY DEFAULT nextval('agenda_id_seq'),
    rep        VARCHAR NOT NULL,
    week       DATE NOT NULL,                 -- Monday of the week the 1:1 reviews
    body       VARCHAR NOT NULL,              -- Markdown, as drafted or edited
    recognition_items INTEGER NOT NULL DEFAULT 0,
    focus_items       INTEGER NOT NULL DEFAULT 0,
    saved_by   VARCHAR NOT NULL,
    saved_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- A focus area agreed in a one-on-one: the coached metric and the expectation.
CREATE TABLE focus_areas (
    rep         VARCHAR NOT NULL,
    week        DATE NOT NULL,
    metric      VARCHAR NOT NULL,
    expectation VARCHAR NOT NULL,
    due_date    DATE NOT NULL,
    agreed_by   VARCHAR NOT NULL,
    agreed_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE commitments (
    commitment_id BIGINT PRIMARY KEY DEFAULT nextval('commitment_id_seq'),
    rep           VARCHAR NOT NULL,
    week          DATE NOT NULL,              -- the 1:1 week it was made in
    text          VARCHAR NOT NULL,
    due_date      DATE NOT NULL,
    status        VARCHAR NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'partly', 'not_yet')),
    followed_up_week DATE,
    followed_up_by   VARCHAR,
    followed_up_at   TIMESTAMP,
    created_by    VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
