-- Reps with team and manager: the current roster, plus anyone who appears in the
-- activities or the pipeline without a roster entry (team unknown): a name, e-mail or
-- user ID (Salesforce OwnerId) that no roster entry carries, as seen_aliases() names them
-- (a roster name written without its accents is that rep; spellings of one name that
-- differ only by accents or case are one rep). With the last day each counts (end_date,
-- rep_aliases_on_team()); a roster entry the data never counts is no rep and not listed:
-- a manager on a user list without work of their own, a leaver who never worked here.
-- $teams: the teams the viewer may see (NULL: all; reps without a team only then).
-- params: $teams VARCHAR[]
WITH roster AS (
    SELECT rep, email, active
    FROM reps
    WHERE superseded_by IS NULL
)
SELECT d.rep, d.team, d.manager, r.email, d.start_date, coalesce(r.active, true) AS active, d.end_date
FROM kept_rep_directory() d
LEFT JOIN roster r USING (rep)
WHERE d.end_date IS DISTINCT FROM DATE '0001-01-01'
  AND ($teams IS NULL OR list_contains($teams, d.team))
ORDER BY d.team NULLS LAST, d.rep
