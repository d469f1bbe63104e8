-- Dates the rows of the cleaned pipeline file that carry no snapshot date of their own.
-- params: $snapshot_date DATE
UPDATE clean SET snapshot_date = $snapshot_date WHERE snapshot_date IS NULL
