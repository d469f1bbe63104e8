-- The rep's recorded time off overlapping [$date_from, $date_to] (a period that touches counts).
-- params: $rep VARCHAR, $date_from DATE, $date_to DATE
SELECT time_off_id, rep, date_from, date_to, note
FROM time_off
WHERE lower(rep) = lower($rep) AND date_from <= $date_to AND date_to >= $date_from
ORDER BY date_from
