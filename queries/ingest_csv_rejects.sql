-- Lines of the CSV that could not be split into the header's columns, one row per line.
-- params: none
SELECT line, any_value(csv_line) AS csv_line, string_agg(DISTINCT error_message, '; ') AS message
FROM csv_reject_errors
GROUP BY line
ORDER BY line
