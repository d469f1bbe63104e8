-- Teams known from the roster, alphabetically.
-- params: none
SELECT DISTINCT team FROM reps WHERE superseded_by IS NULL AND team IS NOT NULL ORDER BY team
