-- Canonical store: uploads and rejected rows, roster, activities, pipeline
-- snapshots, targets and target accounts (PRODUCT.md "Data").
--
-- Every data row carries the upload that brought it (`upload_id`), so an
-- upload can be undone. Rows that a later upload replaced are kept with
-- `superseded_by` set to that upload: undoing it brings them back.

CREATE SEQUENCE upload_id_seq START 1;
CREATE SEQUENCE change_id_seq START 1;

CREATE TABLE uploads (
    upload_id          BIGINT PRIMARY KEY,
    file_name          VARCHAR NOT NULL,
    sha256             VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,
    source             VARCHAR NOT NULL,
    file_format        VARCHAR NOT NULL,          -- csv | xlsx
    rows_read          INTEGER NOT NULL,
    rows_loaded        INTEGER NOT NULL,
    rows_rejected      INTEGER NOT NULL,
    duplicates_skipped INTEGER NOT NULL,
    rows_replaced      INTEGER NOT NULL DEFAULT 0,
    mapping            JSON,                      -- canonical field -> header used
    uploaded_by        VARCHAR,
    uploaded_at        TIMESTAMP NOT NULL DEFAULT current_timestamp,
    undone_at          TIMESTAMP,
    undone_by          VARCHAR
);

CREATE TABLE rejected_rows (
    upload_id   BIGINT NOT NULL,
    row_number  INTEGER NOT NULL,                 -- as a spreadsheet shows it (header = 1)
    column_name VARCHAR,                          -- the file's own header
    value       VARCHAR,
    reason      VARCHAR NOT NULL
);

-- Every ingest, undo or edit adds a row; pages cache on max(change_id).
CREATE TABLE change_log (
    change_id  BIGINT NOT NULL DEFAULT nextval('change_id_seq'),
    changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    what       VARCHAR NOT NULL,
    upload_id  BIGINT
);

CREATE TABLE reps (
    rep           VARCHAR NOT NULL,
    rep_key       VARCHAR NOT NULL,               -- lower(trim(rep)): how activities find the rep
    email         VARCHAR,
    team          VARCHAR,
    manager       VARCHAR,
    start_date    DATE,
    end_date      DATE,
    active        BOOLEAN NOT NULL DEFAULT true,
    upload_id     BIGINT NOT NULL,
    superseded_by BIGINT
);

CREATE TABLE activities (
    activity_key     UBIGINT NOT NULL,            -- natural key: md5 of source id, else of the row's content
    source_id        VARCHAR,
    rep              VARCHAR NOT NULL,
    activity_date    DATE NOT NULL,
    activity_time    TIME,
    activity_type    VARCHAR,                     -- as exported
    category         VARCHAR NOT NULL,            -- call | email | meeting | first_meeting | prospecting | other
    subject          VARCHAR,
    duration_minutes DOUBLE,
    outcome          VARCHAR,
    account          VARCHAR,
    target_account   BOOLEAN,                     -- flag from the export, if it had one
    upload_id        BIGINT NOT NULL
);

CREATE TABLE opportunity_snapshots (
    snapshot_date    DATE NOT NULL,
    opportunity_key  VARCHAR NOT NULL,            -- source id, else name + account
    opportunity_id   VARCHAR,
    opportunity_name VARCHAR,
    owner            VARCHAR NOT NULL,
    account          VARCHAR,
    stage            VARCHAR NOT NULL,
    amount           DECIMAL(18, 2),               -- blank in early stages
    created_date     DATE,
    close_date       DATE,
    status           VARCHAR NOT NULL,            -- open | won | lost
    lead_source      VARCHAR,
    source_type      VARCHAR NOT NULL,            -- self | marketing | other | unknown
    upload_id        BIGINT NOT NULL,
    superseded_by    BIGINT
);

CREATE TABLE targets (
    metric         VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    period         VARCHAR NOT NULL,              -- day | week | month | quarter | year
    team           VARCHAR,                       -- NULL: every team
    rep            VARCHAR,                       -- NULL: team default
    effective_from DATE NOT NULL,
    effective_to   DATE,
    upload_id      BIGINT,                        -- NULL when entered in the app
    superseded_by  BIGINT
);

CREATE TABLE target_accounts (
    account       VARCHAR NOT NULL,
    rep           VARCHAR,
    team          VARCHAR,
    upload_id     BIGINT NOT NULL,
    superseded_by BIGINT
);

-- A confirmed header mapping, reused for files with the same headers.
CREATE TABLE mapping_profiles (
    signature  VARCHAR PRIMARY KEY,               -- sha256 of the normalised header row
    kind       VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    mapping    JSON NOT NULL,                     -- canonical field -> header
    headers    JSON NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- How an activity's category is derived: first matching rule wins.
-- field is `type` (the export's type column) or `subject`; pattern is a
-- case-insensitive regular expression. Visible and editable in the app.
CREATE TABLE activity_category_rules (
    priority INTEGER NOT NULL,
    field    VARCHAR NOT NULL,
    pattern  VARCHAR NOT NULL,
    category VARCHAR NOT NULL
);

INSERT INTO activity_category_rules VALUES
    (10, 'subject', '\b(first|intro|introductory|initial|discovery)\s+(meeting|call|appointment)\b', 'first_meeting'),
    (20, 'type',    '^(first[ _-]?meeting|discovery( call| meeting)?|intro(ductory)? (call|meeting)|initial meeting)$', 'first_meeting'),
    (30, 'type',    'call|phone|dial', 'call'),
    (40, 'type',    'e-?mail|inmail', 'email'),
    (50, 'type',    'meeting|appointment|demo|event|visit', 'meeting'),
    (60, 'type',    'prospect', 'prospecting'),
    (70, 'subject', 'prospect', 'prospecting'),
    (80, 'subject', '^(call|phone call|cold call|outbound call)\b', 'call'),
    (90, 'subject', '^(e-?mail|sent email)\b', 'email'),
    (100, 'subject', '\b(meeting|demo)\b', 'meeting');

-- Lead source -> self-sourced vs marketing. First matching rule wins.
CREATE TABLE lead_source_rules (
    priority    INTEGER NOT NULL,
    pattern     VARCHAR NOT NULL,
    source_type VARCHAR NOT NULL
);

INSERT INTO lead_source_rules VALUES
    (10, 'self|cold|outbound|prospect|sales[ -]?(generated|sourced)|rep[ -]?sourced|offline|direct traffic|networking|personal', 'self'),
    (20, 'web|inbound|marketing|campaign|search|paid|email marketing|social|advert|trade ?show|event|webinar|content|organic|seo|ppc|mql|form|download|chat', 'marketing'),
    (30, 'referr|partner|customer|existing|upsell|renewal|other', 'other');
