-- The staged cells of an activity file: one text column per canonical field (NULL where the
-- file has no such column), a field the user joined from two columns ('First Name+Last
-- Name', staged as <field> and <field>__2) as one text, report footers left out. A view,
-- not a copy: the sniff and clean queries read it straight from `raw`.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
WITH cells AS (
    SELECT
        NULL::BIGINT AS _row,
        NULL::VARCHAR AS activity_id, NULL::VARCHAR AS activity_id__2,
        NULL::VARCHAR AS rep, NULL::VARCHAR AS rep__2,
        NULL::VARCHAR AS date, NULL::VARCHAR AS date__2,
        NULL::VARCHAR AS time, NULL::VARCHAR AS time__2,
        NULL::VARCHAR AS type, NULL::VARCHAR AS type__2,
        NULL::VARCHAR AS subtype, NULL::VARCHAR AS subtype__2,
        NULL::VARCHAR AS subject, NULL::VARCHAR AS subject__2,
        NULL::VARCHAR AS duration, NULL::VARCHAR AS duration__2,
        NULL::VARCHAR AS outcome, NULL::VARCHAR AS outcome__2,
        NULL::VARCHAR AS status, NULL::VARCHAR AS status__2,
        NULL::VARCHAR AS account, NULL::VARCHAR AS account__2,
        NULL::VARCHAR AS first_meeting, NULL::VARCHAR AS first_meeting__2,
        NULL::VARCHAR AS target_account, NULL::VARCHAR AS target_account__2
    WHERE false
    UNION ALL BY NAME
    SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer') FROM raw WHERE NOT _footer
)
SELECT
    _row,
    joined(activity_id, activity_id__2) AS activity_id,
    joined(rep, rep__2) AS rep,
    joined(date, date__2) AS date,
    joined(time, time__2) AS time,
    joined(type, type__2) AS type,
    joined(subtype, subtype__2) AS subtype,
    joined(subject, subject__2) AS subject,
    joined(duration, duration__2) AS duration,
    joined(outcome, outcome__2) AS outcome,
    joined(status, status__2) AS status,
    joined(account, account__2) AS account,
    joined(first_meeting, first_meeting__2) AS first_meeting,
    joined(target_account, target_account__2) AS target_account
FROM cells
