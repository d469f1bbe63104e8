-- Reps with more than one current roster row (two roster uploads interleaved).
-- params: none
SELECT rep_key, count(*) AS current_rows
FROM reps
WHERE superseded_by IS NULL
GROUP BY rep_key
HAVING count(*) > 1
ORDER BY rep_key
