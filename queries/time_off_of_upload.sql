-- The reps whose time off one upload added, with the first day of each one's earliest period
-- (their flags are reviewed again from there when the upload is loaded or undone).
-- params: $upload_id BIGINT
SELECT rep, min(date_from) AS since FROM time_off WHERE upload_id = $upload_id GROUP BY rep ORDER BY rep
