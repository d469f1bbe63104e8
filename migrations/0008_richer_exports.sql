-- What richer exports bring: an activity's subtype (HubSpot's "Call and meeting type",
-- Salesforce's "Task Subtype"), the currency of each deal, the user ID under which
-- activity and deal exports name a rep (Salesforce OwnerId, HubSpot owner ID), and
-- cells left blank on a row that was kept (a bad optional value: the row stays, the cell goes).

ALTER TABLE activities ADD COLUMN subtype VARCHAR;
ALTER TABLE opportunity_snapshots ADD COLUMN currency VARCHAR;     -- ISO 4217 code; NULL: not said
ALTER TABLE reps ADD COLUMN user_id VARCHAR;                       -- as the CRM's exports name the owner
ALTER TABLE rejected_rows ADD COLUMN row_kept BOOLEAN DEFAULT false;  -- only this cell was dropped

-- 'e-?mail' also matched inside "voicemail": a call that left one is not an e-mail.
UPDATE activity_category_rules SET pattern = '(^|[^a-z])e-?mail|inmail'
WHERE field = 'type' AND pattern = 'e-?mail|inmail' AND source IS NULL;

-- A business lunch (Pipedrive's default activity type "Lunch") is a meeting.
UPDATE activity_category_rules SET pattern = 'meeting|appointment|demo|event|visit|lunch'
WHERE field = 'type' AND pattern = 'meeting|appointment|demo|event|visit' AND source IS NULL;

-- Call results as CRMs write them: Close's dispositions (answered, no-answer, vm-left,
-- vm-answer, busy), HubSpot's outcomes (Left live message, Left voicemail, No answer).
UPDATE activity_category_rules
SET pattern = 'voicemail|vm[ _-]?(left|answer)|no[ _-]?answer|^answered$|busy|connected|wrong number|left (a |live )?message|gatekeeper|not reached'
WHERE field = 'outcome' AND category = 'call' AND source IS NULL AND priority = 110;
