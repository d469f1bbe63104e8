-- Reps with team and manager: the current roster, plus anyone who appears in the
-- activities or the pipeline without a roster entry (team unknown): a name, e-mail or
-- user ID (Salesforce OwnerId) that no roster entry carries, as seen_aliases() names them
-- (a roster name written without its accents is that rep; spellings of one name that
-- differ only by accents or case are one rep).
-- $teams: the teams the viewer may see (NULL: all; reps without a team only then).
-- params: $teams VARCHAR[]
WITH roster AS (
    SELECT rep, team, manager, email, start_date, active
    FROM reps
    WHERE superseded_by IS NULL
),
everyone AS (
    SELECT * FROM roster
    UNION ALL
    SELECT DISTINCT rep, NULL, NULL, NULL, NULL::DATE, true
    FROM seen_aliases()
    WHERE rep NOT IN (SELECT rep FROM roster)  -- not a roster name written otherwise (a hash anti-join)
)
SELECT * FROM everyone
WHERE $teams IS NULL OR list_contains($teams, team)
ORDER BY team NULLS LAST, rep
