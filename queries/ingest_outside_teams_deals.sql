-- A manager's pipeline upload: rejects each row that would replace a stored deal (same
-- snapshot date and key, see ingest_supersede_opportunities) whose owner is not on one of
-- $teams, naming that owner: a manager's file cannot take over another team's deal.
-- params: $teams VARCHAR[]
UPDATE clean
SET problems = list_append(problems, {'field': 'owner', 'value': clean.owner, 'reason': o.reason})
FROM (
    SELECT
        k._row,
        'this deal is stored under ' || any_value(coalesce(a.rep, s.owner))
            || ', who is not on your teams'' roster: a sales leader can load this row' AS reason
    FROM keyed k
    JOIN clean c ON c._row = k._row
    JOIN opportunity_snapshots s
        ON s.superseded_by IS NULL AND s.snapshot_date = c.snapshot_date AND s.opportunity_key = k.stored_key
    LEFT JOIN rep_aliases() a ON a.alias = lower(trim(s.owner))
    WHERE k.same_as_row IS NULL
    GROUP BY k._row
    HAVING NOT bool_or(coalesce(list_contains($teams, a.team), false))
) o
WHERE clean._row = o._row
