-- Time off loaded from a file (kind time_off) remembers its upload, so `dashboard undo N`
-- removes exactly the periods that file added. Periods entered by hand keep NULL.
ALTER TABLE time_off ADD COLUMN upload_id BIGINT;
