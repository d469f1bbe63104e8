-- Marks the stored roster entries of reps this upload describes again: by name, or by e-mail where the
-- upload gives a stored rep's e-mail to a rep of another name (a corrected spelling, a new surname: one
-- address, one person; roster_aliases() keeps the former name as theirs). An e-mail that two reps of the
-- file, or two stored reps, share (a team inbox) renames no one.
-- params: $upload_id BIGINT
WITH described AS (SELECT rep_key, email FROM clean WHERE len(problems) = 0),
renamed AS (
    SELECT email FROM described WHERE email IS NOT NULL GROUP BY email HAVING count(DISTINCT rep_key) = 1
    EXCEPT
    SELECT email FROM reps WHERE superseded_by IS NULL AND email IS NOT NULL
    GROUP BY email HAVING count(DISTINCT rep_key) > 1
)
UPDATE reps
SET superseded_by = $upload_id
WHERE superseded_by IS NULL
  AND (rep_key IN (SELECT rep_key FROM described) OR email IN (SELECT email FROM renamed))
