-- Removes a user.
-- params: $email VARCHAR
DELETE FROM users WHERE email = lower(trim($email))
