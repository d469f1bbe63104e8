-- Time off gets an id, so the Targets page and `dashboard time-off remove ID` can name one
-- period (dashboard/time_off.py). Rows recorded before get ids in the order they were added.
CREATE SEQUENCE time_off_id_seq START 1;
ALTER TABLE time_off ADD COLUMN time_off_id BIGINT DEFAULT nextval('time_off_id_seq');
