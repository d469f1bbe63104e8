-- Who made each change: the signed-in user's e-mail, or 'local user' without login
-- (the CLI and the app without an identity provider act as the local leader). Uploads
-- already keep uploaded_by and undone_by, coaching records their own saved_by / by_whom.
-- ("by" itself is a reserved word in SQL, hence changed_by.)
ALTER TABLE change_log ADD COLUMN changed_by VARCHAR;
