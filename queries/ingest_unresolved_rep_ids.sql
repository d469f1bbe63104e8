-- Reps of the cleaned activity file named by a user ID (one token of letters and digits, as
-- Salesforce's OwnerId) that no current roster entry carries as its user ID.
-- params: none
SELECT id
FROM (SELECT DISTINCT rep AS id FROM clean WHERE len(problems) = 0)
WHERE looks_like_user_id(id)
  AND lower(id) NOT IN (SELECT lower(user_id) FROM reps WHERE superseded_by IS NULL AND user_id IS NOT NULL)
ORDER BY id
