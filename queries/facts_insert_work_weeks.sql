-- Recomputes the open-deals-worked facts of the due (rep, week) pairs: the open deals of the rep's
-- snapshot in force that week (the latest week up to then a snapshot holding any of the rep's spellings
-- describes: it carries forward) whose account the rep logged an activity on that week, under any of its
-- spellings (an account touched under two spellings counts once). Pairs with none have no row.
-- $first_week, $last_week: the span of the due weeks (lets the scan of the accounts skip other weeks).
-- params: $first_week DATE, $last_week DATE
INSERT INTO deal_work_weeks
WITH aliases AS (SELECT alias, rep FROM deal_aliases),
due AS (SELECT DISTINCT rep, week FROM deal_work_weeks_due),
rep_snapshots AS (
    SELECT DISTINCT al.rep, s.week
    FROM snapshot_weeks s JOIN aliases al ON al.alias = s.name_key
    WHERE al.rep IN (SELECT rep FROM due)
),
in_force AS (  -- each due week with the rep's latest snapshot week up to it (a snapshot week before a due one)
    SELECT rep, week, snapshot_week
    FROM (
        SELECT rep, week, is_due,
               last_value(snapshot_week IGNORE NULLS) OVER (PARTITION BY rep ORDER BY week, is_due) AS snapshot_week
        FROM (
            SELECT rep, week, NULL::DATE AS snapshot_week, true AS is_due FROM due
            UNION ALL
            SELECT rep, week, week, false FROM rep_snapshots
        )
    )
    WHERE is_due AND snapshot_week IS NOT NULL
),
open_deal_accounts AS (  -- the accounts of the rep's open deals in that snapshot, under each spelling
    SELECT f.rep, f.week, d.account, d.deals
    FROM in_force f
    JOIN aliases al ON al.rep = f.rep
    JOIN snapshot_account_weeks d ON d.name_key = al.alias AND d.week = f.snapshot_week
),
touched AS (  -- those accounts the rep logged an activity on that week, under any spelling; the activities meet
              -- their rep first, so the join hashes the few open deals, not the activities
    SELECT DISTINCT o.rep, o.week, o.account
    FROM activity_account_weeks a
    JOIN aliases al ON al.alias = a.name_key
    JOIN open_deal_accounts o ON o.rep = al.rep AND o.week = a.week AND o.account = a.account
    WHERE a.week BETWEEN $first_week::DATE AND $last_week::DATE
)
SELECT o.rep, o.week, sum(o.deals)::BIGINT
FROM open_deal_accounts o
SEMI JOIN touched t USING (rep, week, account)
GROUP BY ALL
