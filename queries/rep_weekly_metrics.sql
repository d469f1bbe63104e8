-- Weekly metric values, one row per rep and ISO week (Monday), zero-filled.
-- Columns are the metric names of dashboard/metrics.py (METRICS), where each is defined.
-- Trailing windows (4 and 13 weeks) look back before $from_week, over a rep's weeks (one row each).
-- $teams: the teams the viewer may see (NULL: all); $rep: one rep (NULL: all).
-- $coverage, $deals_worked: whether to compute target-account coverage and open deals worked, the two
-- metrics that read each week's accounts (false: the column is NULL; dashboard.metrics drops it).
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[], $rep VARCHAR, $coverage BOOLEAN, $deals_worked BOOLEAN
WITH bounds AS (
    SELECT $from_week::DATE AS from_week, $to_week::DATE AS to_week, ($from_week::DATE - 7 * 12) AS calc_from
),
aliases AS (
    SELECT alias, rep, team FROM rep_alias_snapshot
    WHERE ($teams IS NULL OR list_contains($teams, team)) AND ($rep IS NULL OR rep = $rep)
),
grid AS (
    SELECT g.rep, g.team, g.week
    FROM bounds, rep_weeks(bounds.calc_from, bounds.to_week) g
    WHERE ($teams IS NULL OR list_contains($teams, g.team)) AND ($rep IS NULL OR g.rep = $rep)
),
activity AS (  -- the weekly facts of every spelling of the rep (dashboard/facts.py)
    SELECT al.rep, x.week,
           sum(x.prospecting_minutes) AS prospecting_minutes, sum(x.calls) AS calls,
           sum(x.connects) AS connects, sum(x.monday_calls) AS monday_calls,
           sum(x.first_meetings) AS first_meetings, sum(x.activities_logged) AS activities_logged,
           sum(x.with_account) AS with_account
    FROM activity_weeks x
    JOIN aliases al ON al.alias = x.name_key
    WHERE x.week BETWEEN $from_week::DATE - 7 * 12 AND $to_week::DATE  -- (bounds: a plain filter scans less)
    GROUP BY ALL
),
assigned_accounts AS (
    SELECT DISTINCT g.rep, lower(trim(t.account)) AS account
    FROM (SELECT DISTINCT rep, team FROM grid) g
    JOIN target_accounts t
      ON $coverage AND t.superseded_by IS NULL
     AND (lower(trim(t.rep)) = lower(g.rep) OR (t.rep IS NULL AND lower(trim(t.team)) = lower(g.team)))
),
account_touches AS (
    SELECT DISTINCT al.rep, a.week, a.account
    FROM activity_account_weeks a
    JOIN aliases al ON al.alias = a.name_key
    WHERE $coverage AND a.week BETWEEN $from_week::DATE - 7 * 12 - 21 AND $to_week::DATE
      AND a.account IN (SELECT account FROM assigned_accounts)
),
coverage_of_accounts AS (
    SELECT g.rep, g.week,
           count(DISTINCT t.account) FILTER (t.account IN (
               SELECT account FROM assigned_accounts aa WHERE aa.rep = g.rep)) AS accounts_touched,
           (SELECT count(*) FROM assigned_accounts aa WHERE aa.rep = g.rep) AS accounts_assigned
    FROM grid g
    LEFT JOIN account_touches t ON t.rep = g.rep AND t.week BETWEEN g.week - 21 AND g.week
    WHERE $coverage  -- (false: no rows, no column)
    GROUP BY ALL
),
opportunities AS (  -- what each opportunity's latest row says was created and closed, per week, under
                    -- every spelling of its owner (the pipeline facts: dashboard/facts.py)
    SELECT al.rep, o.week,
           sum(o.opportunities_created) AS opportunities_created, sum(o.pipeline_created) AS pipeline_created,
           sum(o.opportunities_over_100k) AS opportunities_over_100k,
           sum(o.self_sourced_created) AS self_sourced_created,
           sum(o.wins) AS wins, sum(o.won_revenue) AS won_revenue, sum(o.losses) AS losses,
           sum(o.won_cycle_days) AS won_cycle_days, sum(o.won_with_cycle) AS won_with_cycle,
           sum(o.won_with_amount) AS won_with_amount
    FROM opportunity_weeks o
    JOIN aliases al ON al.alias = o.name_key
    WHERE o.week BETWEEN $from_week::DATE - 7 * 12 AND $to_week::DATE
    GROUP BY ALL
),
pipeline_weeks AS (  -- per rep and week a snapshot describes: its open deals and their amount
    SELECT al.rep, s.week, sum(s.open_pipeline) AS open_pipeline, sum(s.open_deals) AS open_deals
    FROM snapshot_weeks s
    JOIN aliases al ON al.alias = s.name_key
    GROUP BY ALL
),
snapshot_in_force AS (  -- per rep and week from $from_week, the week its latest snapshot up to then describes
                        -- (the last one carries forward; read by the final select)
    SELECT rep, snapshot_week,
           unnest(generate_series(greatest(snapshot_week, from_week), coalesce(next_week - 7, to_week),
                                  INTERVAL 7 DAY))::DATE AS week
    FROM (
        SELECT rep, week AS snapshot_week, lead(week) OVER (PARTITION BY rep ORDER BY week) AS next_week
        FROM pipeline_weeks
    ), bounds
),
deals_worked AS (  -- the open deals of the snapshot in force the rep logged an activity on that week, under
                   -- any spelling (the deal facts: dashboard/deal_facts.py)
    SELECT rep, week, open_deals_touched
    FROM deal_work_weeks
    WHERE $deals_worked AND week BETWEEN $from_week::DATE AND $to_week::DATE
      AND rep IN (SELECT rep FROM aliases)
),
quota AS (
    SELECT rep, week,
           value * CASE period WHEN 'quarter' THEN 1 WHEN 'year' THEN 0.25 WHEN 'month' THEN 3
                               WHEN 'week' THEN 13 WHEN 'day' THEN 65 END AS quarterly_quota
    FROM bounds, effective_targets(bounds.calc_from, bounds.to_week)
    WHERE metric = 'won_revenue'
      AND ($teams IS NULL OR list_contains($teams, team)) AND ($rep IS NULL OR rep = $rep)  -- the reps asked for
),
weekly AS (
    SELECT
        g.rep, g.team, g.week,
        coalesce(a.prospecting_minutes, 0) AS prospecting_minutes,
        coalesce(a.calls, 0) AS calls,
        coalesce(a.connects, 0) AS connects,
        coalesce(a.monday_calls, 0) AS monday_calls,
        coalesce(a.first_meetings, 0) AS first_meetings,
        coalesce(a.activities_logged, 0) AS activities_logged,
        coalesce(a.with_account, 0) AS with_account,
        coalesce(dw.open_deals_touched, 0) AS open_deals_touched,
        coalesce(c.opportunities_created, 0) AS opportunities_created,
        coalesce(c.pipeline_created, 0) AS pipeline_created,
        coalesce(c.opportunities_over_100k, 0) AS opportunities_over_100k,
        coalesce(c.self_sourced_created, 0) AS self_sourced_created,
        coalesce(c.wins, 0) AS wins,
        coalesce(c.won_revenue, 0) AS won_revenue,
        coalesce(c.losses, 0) AS losses,
        coalesce(c.won_cycle_days, 0) AS won_cycle_days,
        coalesce(c.won_with_cycle, 0) AS won_with_cycle,
        coalesce(c.won_with_amount, 0) AS won_with_amount,
        ac.accounts_touched, ac.accounts_assigned
    FROM grid g
    LEFT JOIN activity a USING (rep, week)
    LEFT JOIN opportunities c USING (rep, week)
    LEFT JOIN coverage_of_accounts ac USING (rep, week)
    LEFT JOIN deals_worked dw USING (rep, week)
),
trail AS (  -- per rep and week from $from_week, the sums over the last 4 and 13 weeks: each week's values
             -- counted in the 13 weeks that end with it (a grouping, cheaper than a window per rep)
    SELECT w.rep, w.week + 7 * o.k AS week,
           sum(w.opportunities_created) FILTER (o.k < 4) AS created_4w,
           sum(w.self_sourced_created) FILTER (o.k < 4) AS self_sourced_4w,
           sum(w.wins) AS wins_13w,
           sum(w.losses) AS losses_13w,
           sum(w.won_cycle_days) AS cycle_days_13w,
           sum(w.won_with_cycle) AS cycles_13w,
           sum(w.won_revenue) AS won_revenue_13w,
           sum(w.won_with_amount) AS won_with_amount_13w,
           sum(w.with_account) AS with_account_13w
    FROM weekly w, (SELECT range::INTEGER AS k FROM range(13)) o, bounds
    WHERE w.week + 7 * o.k BETWEEN bounds.from_week AND bounds.to_week
    GROUP BY ALL
),
rolling AS (
    SELECT weekly.*, trail.* EXCLUDE (rep, week)
    FROM weekly JOIN trail USING (rep, week)
)
SELECT
    t.rep, t.team, t.week,
    -- no data, not 0, while no activity of the store is in the prospecting category (an export whose
    -- types are calls, meetings, e-mails and tasks cannot show it: every rep would read 0 against the
    -- expectation)
    CASE WHEN (SELECT bool_or(prospecting_minutes > 0) FROM activity_weeks) THEN t.prospecting_minutes::DOUBLE END
        AS prospecting_minutes,
    t.calls::DOUBLE AS calls,
    t.connects::DOUBLE AS connects,
    CASE WHEN t.calls > 0 THEN t.monday_calls / t.calls END AS monday_call_share,
    t.first_meetings::DOUBLE AS first_meetings,
    t.opportunities_created::DOUBLE AS opportunities_created,
    t.pipeline_created::DOUBLE AS pipeline_created,
    t.opportunities_over_100k::DOUBLE AS opportunities_over_100k,
    CASE WHEN t.created_4w > 0 THEN t.self_sourced_4w / t.created_4w END AS self_sourced_share,
    CASE WHEN $coverage AND t.accounts_assigned > 0 THEN t.accounts_touched / t.accounts_assigned END
        AS target_account_coverage,
    t.wins::DOUBLE AS wins,
    t.losses::DOUBLE AS losses,
    t.won_revenue::DOUBLE AS won_revenue,
    CASE WHEN t.wins_13w + t.losses_13w > 0 THEN t.wins_13w / (t.wins_13w + t.losses_13w) END AS win_rate,
    p.open_pipeline::DOUBLE AS open_pipeline,
    CASE WHEN q.quarterly_quota > 0 THEN p.open_pipeline / q.quarterly_quota END AS pipeline_coverage,
    coalesce(p.open_deals, 0)::DOUBLE AS open_deals,
    CASE WHEN t.cycles_13w > 0 THEN t.cycle_days_13w / t.cycles_13w END AS avg_cycle_days,
    CASE WHEN t.won_with_amount_13w > 0 THEN t.won_revenue_13w / t.won_with_amount_13w END AS avg_deal_size,
    CASE WHEN $deals_worked AND p.open_deals > 0 AND t.with_account_13w > 0 THEN t.open_deals_touched / p.open_deals END
        AS open_deals_worked,
    t.activities_logged::DOUBLE AS activities_logged
FROM rolling t
LEFT JOIN snapshot_in_force s ON s.rep = t.rep AND s.week = t.week
LEFT JOIN pipeline_weeks p ON p.rep = s.rep AND p.week = s.snapshot_week
LEFT JOIN quota q ON q.rep = t.rep AND q.week = t.week, bounds
WHERE t.week BETWEEN bounds.from_week AND bounds.to_week
ORDER BY t.rep, t.week
