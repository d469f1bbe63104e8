-- The targets in force or scheduled (not replaced by a later upload or edit).
-- params: none
SELECT metric, value, period, team, rep, effective_from, effective_to
FROM targets
WHERE superseded_by IS NULL
ORDER BY metric, team NULLS FIRST, rep NULLS FIRST, effective_from
