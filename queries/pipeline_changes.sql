-- What changed in one rep's pipeline between the snapshot describing $week and the one before it:
-- new opportunities, stage moves, slipped close dates, won, lost, and dropped from the list,
-- each deal with the currency of its amount (NULL where the export named none).
-- A snapshot taken on a Monday describes the week before (described_week); the latest
-- snapshot describing $week or earlier is "now", the latest before that is "before".
-- params: $rep VARCHAR, $week DATE
WITH mine AS (
    SELECT o.*
    FROM opportunity_snapshots o
    JOIN rep_alias_snapshot al ON al.alias = lower(trim(o.owner))
    WHERE o.superseded_by IS NULL AND al.rep = $rep
),
now_date AS (
    SELECT max(snapshot_date) AS d FROM mine WHERE described_week(snapshot_date) <= $week::DATE
),
before_date AS (
    SELECT max(snapshot_date) AS d FROM mine, now_date WHERE snapshot_date < now_date.d
),
cur AS (SELECT m.* FROM mine m, now_date WHERE m.snapshot_date = now_date.d),
prev AS (SELECT m.* FROM mine m, before_date WHERE m.snapshot_date = before_date.d),
pairs AS (
    SELECT
        coalesce(c.opportunity_key, p.opportunity_key) AS opportunity_key,
        coalesce(c.opportunity_name, p.opportunity_name) AS opportunity_name,
        coalesce(c.account, p.account) AS account,
        p.stage AS stage_before, c.stage AS stage_now,
        p.status AS status_before, c.status AS status_now,
        p.close_date AS close_before, c.close_date AS close_now,
        p.amount AS amount_before, c.amount AS amount_now,
        coalesce(c.currency, p.currency) AS currency,
        c.opportunity_key IS NOT NULL AS in_now, p.opportunity_key IS NOT NULL AS in_before
    FROM cur c
    FULL OUTER JOIN prev p ON p.opportunity_key = c.opportunity_key
),
changes AS (
    SELECT 1 AS ord, 'new' AS change, * FROM pairs WHERE in_now AND NOT in_before AND (SELECT d FROM before_date) IS NOT NULL
    UNION ALL
    SELECT 2, 'won', * FROM pairs WHERE in_now AND in_before AND status_now = 'won' AND status_before <> 'won'
    UNION ALL
    SELECT 3, 'lost', * FROM pairs WHERE in_now AND in_before AND status_now = 'lost' AND status_before <> 'lost'
    UNION ALL
    SELECT 4, 'stage moved', * FROM pairs
    WHERE in_now AND in_before AND status_now = 'open' AND stage_now IS DISTINCT FROM stage_before
    UNION ALL
    SELECT 5, 'close date slipped', * FROM pairs
    WHERE in_now AND in_before AND status_now = 'open' AND close_now > close_before
    UNION ALL
    SELECT 6, 'no longer listed', * FROM pairs WHERE in_before AND NOT in_now
)
SELECT
    change, opportunity_name, account, stage_before, stage_now, close_before, close_now,
    coalesce(amount_now, amount_before)::DOUBLE AS amount, currency, opportunity_key,
    (SELECT d FROM before_date) AS snapshot_before, (SELECT d FROM now_date) AS snapshot_now
FROM changes
ORDER BY ord, lower(opportunity_name), opportunity_key
