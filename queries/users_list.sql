-- Every user with role and teams, leaders first.
-- params: none
SELECT email, name, role, teams FROM users ORDER BY role = 'leader' DESC, email
