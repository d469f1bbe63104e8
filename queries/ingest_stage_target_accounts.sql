-- The staged cells of a target-accounts file: one text column per canonical field (NULL where the
-- file has no such column), a field the user joined from two columns ('First Name+Last
-- Name', staged as <field> and <field>__2) as one text, report footers left out. A view,
-- not a copy: the sniff and clean queries read it straight from `raw`.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
WITH cells AS (
    SELECT
        NULL::BIGINT AS _row,
        NULL::VARCHAR AS account, NULL::VARCHAR AS account__2,
        NULL::VARCHAR AS rep, NULL::VARCHAR AS rep__2,
        NULL::VARCHAR AS team, NULL::VARCHAR AS team__2
    WHERE false
    UNION ALL BY NAME
    SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer') FROM raw WHERE NOT _footer
)
SELECT
    _row,
    joined(account, account__2) AS account,
    joined(rep, rep__2) AS rep,
    joined(team, team__2) AS team
FROM cells
