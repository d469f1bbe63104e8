-- The staged cells of a time-off file: one text column per canonical field (NULL where the
-- file has no such column), a field joined from two columns as one text, report footers left
-- out. A view over `raw`, as for the other kinds.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
WITH cells AS (
    SELECT
        NULL::BIGINT AS _row,
        NULL::VARCHAR AS rep, NULL::VARCHAR AS rep__2,
        NULL::VARCHAR AS date_from, NULL::VARCHAR AS date_from__2,
        NULL::VARCHAR AS date_to, NULL::VARCHAR AS date_to__2,
        NULL::VARCHAR AS reason, NULL::VARCHAR AS reason__2
    WHERE false
    UNION ALL BY NAME
    SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer') FROM raw WHERE NOT _footer
)
SELECT
    _row,
    joined(rep, rep__2) AS rep,
    joined(date_from, date_from__2) AS date_from,
    joined(date_to, date_to__2) AS date_to,
    joined(reason, reason__2) AS reason
FROM cells
