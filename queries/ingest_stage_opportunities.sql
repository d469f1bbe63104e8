-- The staged cells of a pipeline file: one text column per canonical field (NULL where the
-- file has no such column), a field the user joined from two columns ('First Name+Last
-- Name', staged as <field> and <field>__2) as one text, report footers left out. A view,
-- not a copy: the sniff and clean queries read it straight from `raw`.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
WITH cells AS (
    SELECT
        NULL::BIGINT AS _row,
        NULL::VARCHAR AS opportunity_id, NULL::VARCHAR AS opportunity_id__2,
        NULL::VARCHAR AS opportunity_name, NULL::VARCHAR AS opportunity_name__2,
        NULL::VARCHAR AS owner, NULL::VARCHAR AS owner__2,
        NULL::VARCHAR AS account, NULL::VARCHAR AS account__2,
        NULL::VARCHAR AS stage, NULL::VARCHAR AS stage__2,
        NULL::VARCHAR AS amount, NULL::VARCHAR AS amount__2,
        NULL::VARCHAR AS actual_amount, NULL::VARCHAR AS actual_amount__2,
        NULL::VARCHAR AS currency, NULL::VARCHAR AS currency__2,
        NULL::VARCHAR AS created_date, NULL::VARCHAR AS created_date__2,
        NULL::VARCHAR AS close_date, NULL::VARCHAR AS close_date__2,
        NULL::VARCHAR AS closed_date, NULL::VARCHAR AS closed_date__2,
        NULL::VARCHAR AS status, NULL::VARCHAR AS status__2,
        NULL::VARCHAR AS is_won, NULL::VARCHAR AS is_won__2,
        NULL::VARCHAR AS is_closed, NULL::VARCHAR AS is_closed__2,
        NULL::VARCHAR AS active, NULL::VARCHAR AS active__2,
        NULL::VARCHAR AS lead_source, NULL::VARCHAR AS lead_source__2,
        NULL::VARCHAR AS modified_date, NULL::VARCHAR AS modified_date__2,
        NULL::VARCHAR AS snapshot_date, NULL::VARCHAR AS snapshot_date__2
    WHERE false
    UNION ALL BY NAME
    SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer') FROM raw WHERE NOT _footer
)
SELECT
    _row,
    joined(opportunity_id, opportunity_id__2) AS opportunity_id,
    joined(opportunity_name, opportunity_name__2) AS opportunity_name,
    joined(owner, owner__2) AS owner,
    joined(account, account__2) AS account,
    joined(stage, stage__2) AS stage,
    joined(amount, amount__2) AS amount,
    joined(actual_amount, actual_amount__2) AS actual_amount,
    joined(currency, currency__2) AS currency,
    joined(created_date, created_date__2) AS created_date,
    joined(close_date, close_date__2) AS close_date,
    joined(closed_date, closed_date__2) AS closed_date,
    joined(status, status__2) AS status,
    joined(is_won, is_won__2) AS is_won,
    joined(is_closed, is_closed__2) AS is_closed,
    joined(active, active__2) AS active,
    joined(lead_source, lead_source__2) AS lead_source,
    joined(modified_date, modified_date__2) AS modified_date,
    joined(snapshot_date, snapshot_date__2) AS snapshot_date
FROM cells
