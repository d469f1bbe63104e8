-- The staged cells of a targets file: one text column per canonical field (NULL where the
-- file has no such column), a field the user joined from two columns ('First Name+Last
-- Name', staged as <field> and <field>__2) as one text, report footers left out. A view,
-- not a copy: the sniff and clean queries read it straight from `raw`.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
WITH cells AS (
    SELECT
        NULL::BIGINT AS _row,
        NULL::VARCHAR AS metric, NULL::VARCHAR AS metric__2,
        NULL::VARCHAR AS value, NULL::VARCHAR AS value__2,
        NULL::VARCHAR AS period, NULL::VARCHAR AS period__2,
        NULL::VARCHAR AS team, NULL::VARCHAR AS team__2,
        NULL::VARCHAR AS rep, NULL::VARCHAR AS rep__2,
        NULL::VARCHAR AS effective_from, NULL::VARCHAR AS effective_from__2,
        NULL::VARCHAR AS effective_to, NULL::VARCHAR AS effective_to__2
    WHERE false
    UNION ALL BY NAME
    SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer') FROM raw WHERE NOT _footer
)
SELECT
    _row,
    joined(metric, metric__2) AS metric,
    joined(value, value__2) AS value,
    joined(period, period__2) AS period,
    joined(team, team__2) AS team,
    joined(rep, rep__2) AS rep,
    joined(effective_from, effective_from__2) AS effective_from,
    joined(effective_to, effective_to__2) AS effective_to
FROM cells
