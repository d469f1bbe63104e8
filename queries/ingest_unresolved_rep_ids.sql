-- Reps of the cleaned activity file named by a user ID (one token of letters and digits, as
-- Salesforce's OwnerId) that no current roster entry carries as its user ID.
-- params: none
SELECT DISTINCT rep AS id
FROM clean
WHERE len(problems) = 0 AND looks_like_user_id(rep)
  AND lower(rep) NOT IN (SELECT lower(user_id) FROM reps WHERE superseded_by IS NULL AND user_id IS NOT NULL)
ORDER BY id
