-- Reps with team and manager: the current roster, plus anyone who appears in the
-- activities or the pipeline without a roster entry (team unknown): a name, e-mail or
-- user ID (Salesforce OwnerId) that no roster entry carries.
-- $teams: the teams the viewer may see (NULL: all; reps without a team only then).
-- params: $teams VARCHAR[]
WITH roster AS (
    SELECT rep, rep_key, email, lower(user_id) AS user_id, team, manager, start_date, active
    FROM reps
    WHERE superseded_by IS NULL
),
seen AS (
    SELECT min(name) AS rep FROM activity_weeks GROUP BY name_key  -- activities, through their weekly facts
    UNION
    SELECT DISTINCT owner FROM opportunity_snapshots WHERE superseded_by IS NULL
),
everyone AS (
    SELECT rep, team, manager, email, start_date, active FROM roster
    UNION ALL
    SELECT s.rep, NULL, NULL, NULL, NULL, true
    FROM seen s
    WHERE s.rep IS NULL OR lower(s.rep) NOT IN (  -- none of a roster entry's keys (a hash anti-join, not a
                                                  -- loop over the roster for each name)
        SELECT rep_key FROM roster
        UNION ALL SELECT email FROM roster WHERE email IS NOT NULL
        UNION ALL SELECT user_id FROM roster WHERE user_id IS NOT NULL
    )
)
SELECT * FROM everyone
WHERE $teams IS NULL OR list_contains($teams, team)
ORDER BY team NULLS LAST, rep
