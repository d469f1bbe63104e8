-- What the values in an export mean, beyond its headers: activity categories from every
-- column that says something (type, subtype, subject, outcome), won / lost / open from
-- status columns and stage names, in any language, and what a user told the app once.
--
-- activity_category_rules: `field` is now one of type | subtype | subject | outcome;
--   `source` NULL applies to every CRM, else only to files from that source (a rule the
--   user added on the Upload page for their CRM). First matching rule (lowest priority) wins.
-- status_rules: how a status value or a stage name says won / lost / open; `field` is
--   status | stage; a pattern is a case-insensitive regular expression matched anywhere
--   (anchor it with ^…$ where a whole value is meant). First matching rule wins; a stage
--   no rule matches is open.
-- stage_statuses: what the user said a stage of their CRM means (mapping screen or
--   `dashboard ingest --stage-status STAGE=won`), remembered for every later file from
--   that source. It beats every rule.

ALTER TABLE activity_category_rules ADD COLUMN source VARCHAR;

-- The subtype says most (HubSpot's "Call and meeting type", Salesforce's "Task Subtype"),
-- then the type, then the subject; an outcome such as "Left voicemail" names a call.
INSERT INTO activity_category_rules (priority, field, pattern, category) VALUES
    (15, 'subtype', '^(first[ _-]?(meeting|call|appointment)|discovery( call| meeting)?|intro(ductory)?( call| meeting)?|initial (call|meeting))$', 'first_meeting'),
    (25, 'subtype', 'prospect', 'prospecting'),
    (26, 'subtype', 'call|phone|dial', 'call'),
    (27, 'subtype', '(^|[^a-z])e-?mail|inmail', 'email'),
    (28, 'subtype', 'meeting|appointment|demo|visit', 'meeting'),
    (110, 'outcome', 'voicemail|no answer|busy|connected|wrong number|left (a )?message|gatekeeper|not reached', 'call');

CREATE TABLE status_rules (
    priority INTEGER NOT NULL,
    field    VARCHAR NOT NULL,                    -- status | stage
    pattern  VARCHAR NOT NULL,
    status   VARCHAR NOT NULL,                    -- won | lost | open
    source   VARCHAR                              -- NULL: every source
);

INSERT INTO status_rules VALUES
    (10, 'status', '^((closed[ _/-]?)?won|win)$', 'won', NULL),
    (20, 'status', '^((closed[ _/-]?)?lost|loss|deleted|abandoned|cancell?ed|dead|disqualified)$', 'lost', NULL),
    (30, 'status', '^(open|active|in progress|pending)$', 'open', NULL),
    (40, 'stage', 'closed[ _/-]?won|^won$|closedwon', 'won', NULL),
    (50, 'stage', 'closed[ _/-]?lost|^lost$|closedlost|disqualified', 'lost', NULL),
    -- the usual names of open stages (Salesforce's and HubSpot's defaults, common custom ones),
    -- so that only a pipeline's unusual stage names are asked about
    (60, 'stage', 'prospect|qualif|needs analysis|value proposition|decision maker|perception analysis|proposal|price quote|negotiat|review|discovery|demo|presentation|appointment|contract sent|evaluation|solution|pilot|trial|meeting|lead|new|open|in progress|follow|engag', 'open', NULL);

CREATE TABLE stage_statuses (
    source   VARCHAR NOT NULL,
    stage    VARCHAR NOT NULL,                    -- lower-case, trimmed
    status   VARCHAR NOT NULL CHECK (status IN ('won', 'lost', 'open')),
    saved_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (source, stage)
);
