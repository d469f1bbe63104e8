-- The first week any of some spellings (lower-cased) logged an activity or had a deal created: where the
-- flags are judged again from when those spellings change rep (dashboard/name_links.py).
-- params: $keys VARCHAR[]
SELECT least(
    (SELECT min(week) FROM activity_weeks WHERE list_contains($keys, name_key)),
    (SELECT min(week) FROM opportunity_weeks WHERE list_contains($keys, name_key))
) AS first_week
