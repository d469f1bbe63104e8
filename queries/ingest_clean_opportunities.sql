-- Parses staged opportunity rows into typed values, listing each row's problems.
-- A row without its own snapshot date belongs to the snapshot taken on $snapshot_date.
-- params: $source VARCHAR, $snapshot_date DATE, $day_first BOOLEAN
CREATE OR REPLACE TEMP TABLE clean AS
WITH style AS (
    SELECT
        coalesce($day_first,
            count(*) FILTER (looks_day_first(created_date) OR looks_day_first(close_date) OR looks_day_first(snapshot_date))
            > count(*) FILTER (looks_month_first(created_date) OR looks_month_first(close_date) OR looks_month_first(snapshot_date))
        ) AS day_first,
        count(*) FILTER (looks_decimal_comma(amount)) > count(*) FILTER (looks_decimal_point(amount)) AS decimal_comma
    FROM stage
),
parsed AS (
    SELECT
        _row,
        stage.owner AS owner_text, stage.stage AS stage_text, stage.amount AS amount_text,
        stage.created_date AS created_text, stage.close_date AS close_text, stage.snapshot_date AS snapshot_text,
        clean_text(opportunity_id) AS opportunity_id,
        clean_text(opportunity_name) AS opportunity_name,
        clean_text(owner) AS owner,
        clean_text(account) AS account,
        clean_text(stage.stage) AS stage,
        parse_number(amount, style.decimal_comma) AS amount,
        parse_timestamp(created_date, style.day_first)::DATE AS created_date,
        parse_timestamp(close_date, style.day_first)::DATE AS close_date,
        opportunity_status(status, stage.stage) AS status,
        clean_text(lead_source) AS lead_source,
        parse_timestamp(snapshot_date, style.day_first)::DATE AS snapshot_parsed
    FROM stage, style
)
SELECT
    _row, opportunity_id, opportunity_name, owner, account, stage, amount, created_date, close_date,
    status, lead_source, coalesce(snapshot_parsed, $snapshot_date) AS snapshot_date,
    CASE
        WHEN opportunity_id IS NOT NULL THEN concat_ws('|', 'id', $source, opportunity_id)
        WHEN opportunity_name IS NOT NULL THEN concat_ws('|', 'name', lower(opportunity_name), lower(coalesce(account, '')))
        ELSE concat_ws('|', 'row', lower(coalesce(owner, '')), lower(coalesce(account, '')), coalesce(created_date::VARCHAR, ''))
    END AS opportunity_key,
    list_filter([
        CASE WHEN owner IS NULL THEN {'field': 'owner', 'value': owner_text, 'reason': 'missing owner'} END,
        CASE WHEN stage IS NULL THEN {'field': 'stage', 'value': stage_text, 'reason': 'missing stage'} END,
        CASE
            WHEN amount IS NULL AND clean_text(amount_text) IS NOT NULL THEN {'field': 'amount', 'value': amount_text, 'reason': 'not a number'}
            WHEN amount < 0 THEN {'field': 'amount', 'value': amount_text, 'reason': 'negative amount'}
            WHEN abs(amount) >= 1e15 THEN {'field': 'amount', 'value': amount_text, 'reason': 'amount too large'}
        END,
        CASE WHEN created_date IS NULL AND clean_text(created_text) IS NOT NULL
            THEN {'field': 'created_date', 'value': created_text, 'reason': 'not a date'} END,
        CASE WHEN close_date IS NULL AND clean_text(close_text) IS NOT NULL
            THEN {'field': 'close_date', 'value': close_text, 'reason': 'not a date'} END,
        CASE WHEN snapshot_parsed IS NULL AND clean_text(snapshot_text) IS NOT NULL
            THEN {'field': 'snapshot_date', 'value': snapshot_text, 'reason': 'not a date'} END
    ], p -> p IS NOT NULL) AS problems
FROM parsed
