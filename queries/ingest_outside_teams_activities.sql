-- A manager's activity upload: rejects each row whose rep is not on one of $teams in the
-- current roster, naming the rep. Reps are matched as the metrics match them
-- (rep_aliases(): roster name, e-mail or CRM user ID), so a row is kept exactly when the
-- manager will see it. A rep on another team's roster and a rep on no roster yet are told apart.
-- params: $teams VARCHAR[]
UPDATE clean
SET problems = list_append(problems, {'field': 'rep', 'value': clean.rep, 'reason': o.reason})
FROM (
    SELECT
        n.name,
        CASE WHEN bool_or(a.team IS NOT NULL)
            THEN any_value(a.rep) FILTER (a.team IS NOT NULL)
                || ' is on another team''s roster, not one of yours: a sales leader can load this row'
            ELSE n.name || ' is not on your teams'' roster yet: a sales leader can add them to the '
                || 'roster, then this file can be loaded again'
        END AS reason
    FROM (SELECT DISTINCT rep AS name FROM clean WHERE rep IS NOT NULL) n
    LEFT JOIN rep_aliases() a ON a.alias = lower(trim(n.name))
    GROUP BY n.name
    HAVING NOT bool_or(coalesce(list_contains($teams, a.team), false))
) o
WHERE clean.rep = o.name
