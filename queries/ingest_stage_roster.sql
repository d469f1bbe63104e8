-- The staged cells of a roster: one text column per canonical field (NULL where the
-- file has no such column), a field the user joined from two columns ('First Name+Last
-- Name', staged as <field> and <field>__2) as one text, report footers left out. A view,
-- not a copy: the sniff and clean queries read it straight from `raw`.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
WITH cells AS (
    SELECT
        NULL::BIGINT AS _row,
        NULL::VARCHAR AS rep, NULL::VARCHAR AS rep__2,
        NULL::VARCHAR AS first_name, NULL::VARCHAR AS first_name__2,
        NULL::VARCHAR AS last_name, NULL::VARCHAR AS last_name__2,
        NULL::VARCHAR AS user_id, NULL::VARCHAR AS user_id__2,
        NULL::VARCHAR AS email, NULL::VARCHAR AS email__2,
        NULL::VARCHAR AS team, NULL::VARCHAR AS team__2,
        NULL::VARCHAR AS manager, NULL::VARCHAR AS manager__2,
        NULL::VARCHAR AS start_date, NULL::VARCHAR AS start_date__2,
        NULL::VARCHAR AS end_date, NULL::VARCHAR AS end_date__2,
        NULL::VARCHAR AS active, NULL::VARCHAR AS active__2
    WHERE false
    UNION ALL BY NAME
    SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer') FROM raw WHERE NOT _footer
)
SELECT
    _row,
    joined(rep, rep__2) AS rep,
    joined(first_name, first_name__2) AS first_name,
    joined(last_name, last_name__2) AS last_name,
    joined(user_id, user_id__2) AS user_id,
    joined(email, email__2) AS email,
    joined(team, team__2) AS team,
    joined(manager, manager__2) AS manager,
    joined(start_date, start_date__2) AS start_date,
    joined(end_date, end_date__2) AS end_date,
    joined(active, active__2) AS active
FROM cells
