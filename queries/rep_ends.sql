-- The last day each rep counts (rep_directory(): the roster's end date, else the data's for a rep who left
-- or a manager without work of their own; NULL: no end): what an upload or undo compares before and after.
-- params: none
SELECT DISTINCT rep, end_date FROM rep_directory()
