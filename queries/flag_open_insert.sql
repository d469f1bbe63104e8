-- Opens a flag episode.
-- params: $rep VARCHAR, $team VARCHAR, $kind VARCHAR, $week DATE, $severity VARCHAR, $signals JSON
INSERT INTO flags (rep, team, kind, opened_week, last_seen_week, severity, max_severity, signals)
VALUES ($rep, $team, $kind, $week, $week, $severity, $severity, $signals)
