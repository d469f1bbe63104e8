-- The last day each rep counts (rep_directory(): the roster's end date, else the data's for a rep who left
-- or a manager without work of their own; NULL: no end): what an upload or undo compares before and after.
-- Read from the copy each write keeps (kept_rep_directory(): the same rows as the last write left them,
-- read before the upload's turn and after its transaction), without planning the alias macros.
-- params: none
SELECT DISTINCT rep, end_date FROM kept_rep_directory()
