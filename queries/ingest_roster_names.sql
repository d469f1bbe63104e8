-- The current roster's rep names, for a name of a file that is on no roster to be compared with (a likely
-- misspelling of one of them is named in the upload's note, ingest.reports.off_roster).
SELECT rep FROM reps WHERE superseded_by IS NULL ORDER BY rep
