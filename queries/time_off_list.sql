-- Recorded time off (all reps): weeks overlapping it are left out of the rules.
-- params: none
SELECT rep, date_from, date_to, note, time_off_id FROM time_off ORDER BY rep, date_from
