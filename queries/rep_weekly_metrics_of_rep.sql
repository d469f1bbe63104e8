-- Weekly metric values of one rep, one row per ISO week (Monday), zero-filled: rep_weekly_metrics for one
-- rep, without target-account coverage and open deals worked (dashboard.metrics reads those through
-- rep_weekly_metrics). The rep's spellings, team and dates come bound (dashboard.roster.spellings), so
-- the plan is a few operators instead of the alias and target macros' hundreds; each metric is the same
-- expression as in rep_weekly_metrics, where each is defined (tests/test_one_rep_reads.py proves the two
-- agree). Trailing windows (4 and 13 weeks) look back before $from_week over the rep's weeks, which
-- follow each other without a gap, so a window of rows is the same sum.
-- params: $from_week DATE, $to_week DATE, $rep VARCHAR, $team VARCHAR, $start_date DATE, $end_date DATE, $aliases VARCHAR[]
WITH grid AS (  -- the weeks the rep was on the team (rep_weeks)
    SELECT w::DATE AS week
    FROM range(($from_week::DATE - 7 * 12)::TIMESTAMP, $to_week::DATE::TIMESTAMP + INTERVAL 1 DAY, INTERVAL 7 DAY) t(w)
    WHERE ($start_date::DATE IS NULL OR w::DATE + 6 >= $start_date::DATE)
      AND ($end_date::DATE IS NULL OR w::DATE <= $end_date::DATE)
),
activity AS (  -- the weekly facts of every spelling of the rep (dashboard/facts.py)
    SELECT x.week,
           sum(x.prospecting_minutes) AS prospecting_minutes, sum(x.calls) AS calls,
           sum(x.connects) AS connects, sum(x.monday_calls) AS monday_calls,
           sum(x.first_meetings) AS first_meetings, sum(x.activities_logged) AS activities_logged
    FROM activity_weeks x
    WHERE list_contains($aliases, x.name_key) AND x.week BETWEEN $from_week::DATE - 7 * 12 AND $to_week::DATE
    GROUP BY ALL
),
opportunities AS (  -- what each opportunity's latest row says was created and closed, per week
    SELECT o.week,
           sum(o.opportunities_created) AS opportunities_created, sum(o.pipeline_created) AS pipeline_created,
           sum(o.opportunities_over_100k) AS opportunities_over_100k,
           sum(o.self_sourced_created) AS self_sourced_created,
           sum(o.wins) AS wins, sum(o.won_revenue) AS won_revenue, sum(o.losses) AS losses,
           sum(o.won_cycle_days) AS won_cycle_days, sum(o.won_with_cycle) AS won_with_cycle,
           sum(o.won_with_amount) AS won_with_amount
    FROM opportunity_weeks o
    WHERE list_contains($aliases, o.name_key) AND o.week BETWEEN $from_week::DATE - 7 * 12 AND $to_week::DATE
    GROUP BY ALL
),
pipeline_weeks AS (  -- per week a snapshot describes up to $to_week: the rep's open deals and their amount
    SELECT s.week, sum(s.open_pipeline) AS open_pipeline, sum(s.open_deals) AS open_deals
    FROM snapshot_weeks s
    WHERE list_contains($aliases, s.name_key) AND s.week <= $to_week::DATE
    GROUP BY ALL
),
quota AS (  -- the won-revenue target in force each week (effective_targets: the rep's own, the team's,
            -- the company's; among those, the latest effective_from), as a quarterly amount
    SELECT g.week,
           value * CASE period WHEN 'quarter' THEN 1 WHEN 'year' THEN 0.25 WHEN 'month' THEN 3
                               WHEN 'week' THEN 13 WHEN 'day' THEN 65 END AS quarterly_quota
    FROM grid g
    JOIN live_targets() t
      ON t.match_key IN ('rep:' || lower($rep), 'team:' || lower($team), 'company')
     AND t.effective_from <= g.week + 6 AND (t.effective_to IS NULL OR t.effective_to >= g.week)
    WHERE t.metric = 'won_revenue' AND g.week >= $from_week::DATE
    QUALIFY row_number() OVER (PARTITION BY g.week ORDER BY t.precedence DESC) = 1
),
rolling AS (
    SELECT
        g.week,
        coalesce(a.prospecting_minutes, 0) AS prospecting_minutes,
        coalesce(a.calls, 0) AS calls,
        coalesce(a.connects, 0) AS connects,
        coalesce(a.monday_calls, 0) AS monday_calls,
        coalesce(a.first_meetings, 0) AS first_meetings,
        coalesce(a.activities_logged, 0) AS activities_logged,
        coalesce(c.opportunities_created, 0) AS opportunities_created,
        coalesce(c.pipeline_created, 0) AS pipeline_created,
        coalesce(c.opportunities_over_100k, 0) AS opportunities_over_100k,
        coalesce(c.wins, 0) AS wins,
        coalesce(c.won_revenue, 0) AS won_revenue,
        coalesce(c.losses, 0) AS losses,
        sum(coalesce(c.opportunities_created, 0)) OVER last_4 AS created_4w,
        sum(coalesce(c.self_sourced_created, 0)) OVER last_4 AS self_sourced_4w,
        sum(coalesce(c.wins, 0)) OVER last_13 AS wins_13w,
        sum(coalesce(c.losses, 0)) OVER last_13 AS losses_13w,
        sum(coalesce(c.won_cycle_days, 0)) OVER last_13 AS cycle_days_13w,
        sum(coalesce(c.won_with_cycle, 0)) OVER last_13 AS cycles_13w,
        sum(coalesce(c.won_revenue, 0)) OVER last_13 AS won_revenue_13w,
        sum(coalesce(c.won_with_amount, 0)) OVER last_13 AS won_with_amount_13w
    FROM grid g
    LEFT JOIN activity a USING (week)
    LEFT JOIN opportunities c USING (week)
    WINDOW last_4 AS (ORDER BY g.week ROWS BETWEEN 3 PRECEDING AND CURRENT ROW),
           last_13 AS (ORDER BY g.week ROWS BETWEEN 12 PRECEDING AND CURRENT ROW)
)
SELECT
    $rep::VARCHAR AS rep, $team::VARCHAR AS team, t.week,
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
    t.wins::DOUBLE AS wins,
    t.losses::DOUBLE AS losses,
    t.won_revenue::DOUBLE AS won_revenue,
    CASE WHEN t.wins_13w + t.losses_13w > 0 THEN t.wins_13w / (t.wins_13w + t.losses_13w) END AS win_rate,
    p.open_pipeline::DOUBLE AS open_pipeline,
    CASE WHEN q.quarterly_quota > 0 THEN p.open_pipeline / q.quarterly_quota END AS pipeline_coverage,
    coalesce(p.open_deals, 0)::DOUBLE AS open_deals,
    CASE WHEN t.cycles_13w > 0 THEN t.cycle_days_13w / t.cycles_13w END AS avg_cycle_days,
    CASE WHEN t.won_with_amount_13w > 0 THEN t.won_revenue_13w / t.won_with_amount_13w END AS avg_deal_size,
    t.activities_logged::DOUBLE AS activities_logged
FROM rolling t
ASOF LEFT JOIN pipeline_weeks p ON t.week >= p.week  -- the latest snapshot up to the week carries forward
LEFT JOIN quota q ON q.week = t.week
WHERE t.week >= $from_week::DATE
ORDER BY t.week
