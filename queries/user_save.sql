-- Adds a user or updates their name, role and teams.
-- params: $email VARCHAR, $display_name VARCHAR, $role VARCHAR, $teams VARCHAR[]
MERGE INTO users AS saved
USING (SELECT lower(trim($email)) AS email, $display_name AS name, $role AS role, $teams::VARCHAR[] AS teams)
    AS given
ON saved.email = given.email
WHEN MATCHED THEN UPDATE SET name = given.name, role = given.role, teams = given.teams
WHEN NOT MATCHED THEN INSERT (email, name, role, teams) VALUES (given.email, given.name, given.role, given.teams)
