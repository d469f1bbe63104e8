-- Parses staged opportunity rows into typed values. `problems` lists what rejects a row (no
-- owner or stage, an amount that is not a number); `warnings` lists optional cells that could
-- not be read, left blank on a row that is kept. The status comes later, from the status,
-- won/closed and stage columns (ingest_opportunity_statuses). A row without its own snapshot
-- date belongs to the snapshot of $snapshot_date (NULL: dated from the file's data later).
-- The currency is the currency column's, else the one written in the amount ('€', 'EUR').
-- $amount_divisor: what the export's amounts are divided by (Close writes cents: 100).
-- The file's style comes from ingest.sniff (see ingest_clean_activities).
-- params: $source VARCHAR, $amount_divisor DOUBLE, $snapshot_date DATE, $decimal_comma BOOLEAN, $created_date_format VARCHAR, $close_date_format VARCHAR, $closed_date_format VARCHAR, $modified_date_format VARCHAR, $snapshot_date_format VARCHAR, $created_date_day_first BOOLEAN, $close_date_day_first BOOLEAN, $closed_date_day_first BOOLEAN, $modified_date_day_first BOOLEAN, $snapshot_date_day_first BOOLEAN
CREATE OR REPLACE TEMP TABLE clean AS
WITH guessed AS (
    SELECT
        *,
        fast_timestamp(created_date, $created_date_format) AS created_date_fast,
        fast_timestamp(close_date, $close_date_format) AS close_date_fast,
        fast_timestamp(closed_date, $closed_date_format) AS closed_date_fast,
        fast_timestamp(modified_date, $modified_date_format) AS modified_date_fast,
        fast_timestamp(snapshot_date, $snapshot_date_format) AS snapshot_date_fast
    FROM stage
),
tidied AS (
    -- one column per step: DuckDB computes a repeated expression for every row
    SELECT
        *,
        CASE WHEN created_date_fast IS NULL THEN timestamp_text(created_date) END AS created_date_tidy,
        CASE WHEN close_date_fast IS NULL THEN timestamp_text(close_date) END AS close_date_tidy,
        CASE WHEN closed_date_fast IS NULL THEN timestamp_text(closed_date) END AS closed_date_tidy,
        CASE WHEN modified_date_fast IS NULL THEN timestamp_text(modified_date) END AS modified_date_tidy,
        CASE WHEN snapshot_date_fast IS NULL THEN timestamp_text(snapshot_date) END AS snapshot_date_tidy
    FROM guessed
),
parsed AS (
    SELECT
        _row,
        owner AS owner_text, coalesce(tidied.stage, status) AS stage_text, amount AS amount_text, actual_amount AS actual_text,
        created_date AS created_text, close_date AS close_text, closed_date AS closed_text,
        modified_date AS modified_text, snapshot_date AS snapshot_text,
        is_won AS is_won_text, is_closed AS is_closed_text, active AS active_text,
        clean_text(opportunity_id) AS opportunity_id,
        clean_text(opportunity_name) AS opportunity_name,
        tidy_name(clean_text(owner)) AS owner,
        clean_text(account) AS account,
        coalesce(clean_text(tidied.stage), clean_text(status)) AS stage,
        parse_number(amount, $decimal_comma) / $amount_divisor AS amount,
        regexp_replace(number_parts(clean_text(amount)).digits, '[ ''\x{00A0}\x{202F}]', '', 'g') AS amount_digits,
        parse_number(actual_amount, $decimal_comma) / $amount_divisor AS actual_amount,
        coalesce(currency_code(currency), amount_currency(amount), amount_currency(actual_amount)) AS currency,
        coalesce(created_date_fast, timestamp_from_text(created_date_tidy, $created_date_day_first))::DATE AS created_date,
        coalesce(close_date_fast, timestamp_from_text(close_date_tidy, $close_date_day_first))::DATE AS close_date,
        coalesce(closed_date_fast, timestamp_from_text(closed_date_tidy, $closed_date_day_first))::DATE AS closed_date,
        coalesce(modified_date_fast, timestamp_from_text(modified_date_tidy, $modified_date_day_first))::DATE AS modified_date,
        clean_text(status) AS status_text,
        parse_bool(is_won) AS is_won,
        parse_bool(is_closed) AS is_closed,
        parse_bool(active) AS active,
        clean_text(lead_source) AS lead_source,
        coalesce(snapshot_date_fast, timestamp_from_text(snapshot_date_tidy, $snapshot_date_day_first))::DATE AS snapshot_parsed
    FROM tidied
)
SELECT
    _row, opportunity_id, opportunity_name, owner, account, stage,
    CASE WHEN amount >= 0 AND abs(amount) < 1e15 THEN amount END AS amount,
    CASE WHEN actual_amount >= 0 AND abs(actual_amount) < 1e15 THEN actual_amount END AS actual_amount,
    currency, created_date, close_date, closed_date, modified_date, status_text, is_won, is_closed, active,
    lead_source, coalesce(snapshot_parsed, $snapshot_date) AS snapshot_date,
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
            -- one group of three digits after the file's decimal mark ('€ 86.500' in a file that writes
            -- '€57,800.00'): thousands written the other way, or three decimals? Asked, not guessed.
            WHEN regexp_full_match(amount_digits, CASE WHEN $decimal_comma THEN '[0-9]{1,3},[0-9]{3}'
                                                       ELSE '[0-9]{1,3}\.[0-9]{3}' END)
            THEN {'field': 'amount', 'value': amount_text,
                  'reason': format('unclear amount: {} or {}? (this file writes decimals after a {}; '
                                   'write it as one of these)',
                                   regexp_replace(amount_digits, '[.,]', ''),
                                   replace(replace(amount_digits, ',', '.')::DOUBLE::VARCHAR, '.',
                                           CASE WHEN $decimal_comma THEN ',' ELSE '.' END),
                                   CASE WHEN $decimal_comma THEN 'comma' ELSE 'point' END)}
        END
    ], p -> p IS NOT NULL) AS problems,
    list_filter([
        CASE WHEN actual_amount IS NULL AND clean_text(actual_text) IS NOT NULL
            THEN {'field': 'actual_amount', 'value': actual_text, 'reason': 'not a number'}
             WHEN actual_amount < 0 OR abs(actual_amount) >= 1e15
            THEN {'field': 'actual_amount', 'value': actual_text, 'reason': 'not a plausible amount'} END,
        CASE WHEN created_date IS NULL AND clean_text(created_text) IS NOT NULL
            THEN {'field': 'created_date', 'value': created_text, 'reason': 'not a date'} END,
        CASE WHEN close_date IS NULL AND clean_text(close_text) IS NOT NULL
            THEN {'field': 'close_date', 'value': close_text, 'reason': 'not a date'} END,
        CASE WHEN closed_date IS NULL AND clean_text(closed_text) IS NOT NULL
            THEN {'field': 'closed_date', 'value': closed_text, 'reason': 'not a date'} END,
        CASE WHEN modified_date IS NULL AND clean_text(modified_text) IS NOT NULL
            THEN {'field': 'modified_date', 'value': modified_text, 'reason': 'not a date'} END,
        CASE WHEN snapshot_parsed IS NULL AND clean_text(snapshot_text) IS NOT NULL
            THEN {'field': 'snapshot_date', 'value': snapshot_text, 'reason': 'not a date'} END,
        CASE WHEN is_won IS NULL AND clean_text(is_won_text) IS NOT NULL
            THEN {'field': 'is_won', 'value': is_won_text, 'reason': 'not yes/no'} END,
        CASE WHEN is_closed IS NULL AND clean_text(is_closed_text) IS NOT NULL
            THEN {'field': 'is_closed', 'value': is_closed_text, 'reason': 'not yes/no'} END,
        CASE WHEN active IS NULL AND clean_text(active_text) IS NOT NULL
            THEN {'field': 'active', 'value': active_text, 'reason': 'not yes/no'} END
    ], p -> p IS NOT NULL) AS warnings
FROM parsed
