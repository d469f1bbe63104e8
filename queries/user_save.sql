-- Adds a user or updates their name, role and teams.
-- params: $email VARCHAR, $display_name VARCHAR, $role VARCHAR, $teams VARCHAR[]
INSERT OR REPLACE INTO users (email, name, role, teams)
VALUES (lower(trim($email)), $display_name, $role, $teams)
