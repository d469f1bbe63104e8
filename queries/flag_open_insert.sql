-- Opens a flag episode (its id is the last one + 1: the writer holds its turn).
-- params: $rep VARCHAR, $team VARCHAR, $kind VARCHAR, $week DATE, $severity VARCHAR, $signals JSON
INSERT INTO flags (flag_id, rep, team, kind, opened_week, last_seen_week, severity, max_severity, signals)
SELECT coalesce(max(flag_id), 0) + 1, $rep, $team, $kind, $week, $week, $severity, $severity, $signals FROM flags
