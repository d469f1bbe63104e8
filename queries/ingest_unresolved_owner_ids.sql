-- Owners of the cleaned pipeline file named by a user ID (see ingest_unresolved_rep_ids)
-- that no current roster entry carries as its user ID.
-- params: none
SELECT id
FROM (SELECT DISTINCT owner AS id FROM clean WHERE len(problems) = 0)
WHERE looks_like_user_id(id)
  AND lower(id) NOT IN (SELECT lower(user_id) FROM reps WHERE superseded_by IS NULL AND user_id IS NOT NULL)
ORDER BY id
