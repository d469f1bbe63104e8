-- Reps of the cleaned roster without a team in the file: how many kept their stored team.
-- params: $no_team VARCHAR
SELECT count(*) FILTER (team <> $no_team) AS kept, count(*) FILTER (team = $no_team) AS without
FROM clean
WHERE len(problems) = 0 AND team_missing
