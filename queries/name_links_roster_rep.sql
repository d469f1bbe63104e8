-- The current roster entries a name means, compared without accents and case (two: the name is not
-- one rep's alone).
-- params: $rep VARCHAR
SELECT rep, rep_key FROM reps
WHERE superseded_by IS NULL AND folded_name(rep) = folded_name($rep)
ORDER BY rep
LIMIT 2
