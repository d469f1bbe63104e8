-- Per team and week: reps on the team, whether the week's exports are in (activity logged that week
-- and a pipeline snapshot describing it) and how many reps have a saved agenda for it. Only the weeks
-- from the team's first week with data (an activity logged, or a pipeline snapshot describing it): a
-- week before the store knew anything of the team is no week whose review lapsed.
-- params: $from_week DATE, $to_week DATE, $teams VARCHAR[]
WITH started AS (
    SELECT team, min(week) AS first_week
    FROM (
        SELECT al.team, min(a.week) AS week
        FROM activity_weeks a
        JOIN rep_alias_snapshot al ON al.alias = a.name_key
        GROUP BY al.team
        UNION ALL
        SELECT al.team, min(described_week(s.snapshot_date)) AS week
        FROM opportunity_snapshots s
        JOIN rep_alias_snapshot al ON al.alias = lower(trim(s.owner))
        WHERE s.superseded_by IS NULL
        GROUP BY al.team
    )
    GROUP BY team
),
team_weeks AS (
    SELECT g.team, g.week, mode(g.manager) AS manager, count(*) AS reps
    FROM rep_weeks($from_week::DATE, $to_week::DATE) g
    JOIN started st ON st.team = g.team AND g.week >= st.first_week
    WHERE g.team IS NOT NULL AND ($teams IS NULL OR list_contains($teams, g.team))
    GROUP BY ALL
),
activity AS (
    SELECT DISTINCT al.team, a.week
    FROM activity_weeks a  -- the weekly facts of the activities (dashboard/facts.py)
    JOIN rep_alias_snapshot al ON al.alias = a.name_key
    WHERE a.week BETWEEN $from_week::DATE AND $to_week::DATE
      AND ($teams IS NULL OR list_contains($teams, al.team))
),
pipeline AS (
    SELECT DISTINCT al.team, described_week(s.snapshot_date) AS week
    FROM opportunity_snapshots s
    JOIN rep_alias_snapshot al ON al.alias = lower(trim(s.owner))
    WHERE s.superseded_by IS NULL
      AND described_week(s.snapshot_date) BETWEEN $from_week::DATE AND $to_week::DATE
      AND ($teams IS NULL OR list_contains($teams, al.team))
),
agenda_reps AS (
    SELECT d.team, a.week, count(DISTINCT d.rep) AS reps_with_agenda
    FROM agendas a
    JOIN kept_rep_directory() d ON lower(d.rep) = lower(trim(a.rep))
    WHERE a.week BETWEEN $from_week::DATE AND $to_week::DATE
      AND ($teams IS NULL OR list_contains($teams, d.team))
    GROUP BY ALL
)
SELECT t.team, t.manager, t.week, t.reps,
       act.team IS NOT NULL AS activity_loaded,
       p.team IS NOT NULL AS pipeline_loaded,
       coalesce(g.reps_with_agenda, 0) AS reps_with_agenda
FROM team_weeks t
LEFT JOIN activity act ON act.team = t.team AND act.week = t.week
LEFT JOIN pipeline p ON p.team = t.team AND p.week = t.week
LEFT JOIN agenda_reps g ON g.team = t.team AND g.week = t.week
ORDER BY lower(t.team), t.week
