-- The reps of the cleaned activity file (its kept rows) that no roster entry carries, with how many rows
-- name each, most first (off_roster_names(): not even but for accents and case; none without a roster).
-- $skip_ids leaves out the names that look like CRM user IDs (ingest_unresolved_rep_ids names those).
-- params: $skip_ids BOOLEAN
SELECT *
FROM off_roster_names(
    (SELECT list({'name': name, 'rows': rows}) FROM (  -- each name once (not once per row)
        SELECT rep AS name, count(*) AS rows FROM clean WHERE len(problems) = 0 GROUP BY rep
    )),
    $skip_ids
)
