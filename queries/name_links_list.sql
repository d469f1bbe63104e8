-- The names a leader said are a roster rep (name_links), one row per name with its spellings, the rep
-- (NULL while that roster entry is gone), who said so and when, newest first.
-- params: none
SELECT l.name, any_value(r.rep) AS rep, list(l.name_key ORDER BY l.name_key) AS spellings,
    any_value(l.linked_by) AS linked_by, max(l.linked_at) AS linked_at
FROM name_links l
LEFT JOIN reps r ON r.rep_key = l.rep_key AND r.superseded_by IS NULL
GROUP BY l.name
ORDER BY linked_at DESC, l.name
