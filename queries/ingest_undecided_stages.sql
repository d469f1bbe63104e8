-- Stages of the cleaned pipeline file that nothing said won, lost or open of (no won/closed
-- column, status value, remembered answer or stage rule), and whether any row of the file
-- was said to be won or lost by anything.
-- params: none
SELECT
    list(DISTINCT stage ORDER BY stage) FILTER (decided_by IS NULL) AS undecided,
    bool_or(status IN ('won', 'lost') AND decided_by IS NOT NULL) AS any_closed
FROM statuses
