-- A rep's commitments made before or in a week, with their follow-up, oldest first.
-- params: $rep VARCHAR, $week DATE
SELECT commitment_id, week, text, due_date, status, followed_up_week, followed_up_by
FROM commitments
WHERE rep = $rep AND week <= $week
ORDER BY week, commitment_id
