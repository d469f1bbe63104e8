-- One user by e-mail (case-insensitive).
-- params: $email VARCHAR
SELECT email, name, role, teams FROM users WHERE email = lower(trim($email))
