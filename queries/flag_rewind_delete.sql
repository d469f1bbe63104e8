-- Drops one rep's flag episodes opened on or after a week, before those weeks are reviewed again.
-- params: $rep VARCHAR, $week DATE
DELETE FROM flags WHERE rep = $rep AND opened_week >= $week
