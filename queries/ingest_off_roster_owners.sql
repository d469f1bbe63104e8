-- The owners of the cleaned pipeline file (its kept rows) that no roster entry carries, not even but for
-- accents and case (roster_aliases(), roster_folds()), with how many rows name each (spellings that
-- differ only so counted together, as one rep), most first: rows that count for a rep of their own.
-- None when no roster is loaded. $skip_ids leaves out the names that look like CRM user IDs
-- (ingest_unresolved_owner_ids names those).
-- params: $skip_ids BOOLEAN
WITH named AS MATERIALIZED (  -- each name once before its spelling is compared (not once per row)
    SELECT owner AS name, count(*) AS rows
    FROM clean
    WHERE len(problems) = 0
    GROUP BY owner
)
SELECT first(name ORDER BY strip_accents(name) = name, name = lower(name), name) AS name, sum(rows) AS rows
FROM named  -- spellings that differ only by accents or case are one rep (rep_aliases()), listed once
WHERE EXISTS (SELECT 1 FROM reps WHERE superseded_by IS NULL)
  AND lower(trim(name)) NOT IN (SELECT alias FROM roster_aliases())
  AND folded_name(name) NOT IN (SELECT fold FROM roster_folds())
  AND NOT ($skip_ids AND looks_like_user_id(name))
GROUP BY folded_name(name)
ORDER BY rows DESC, name
