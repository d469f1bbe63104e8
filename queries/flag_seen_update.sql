-- An open episode raised again in a later review: latest week, severity and evidence.
-- params: $flag_id BIGINT, $week DATE, $severity VARCHAR, $max_severity VARCHAR, $signals JSON
UPDATE flags
SET last_seen_week = greatest(last_seen_week, $week), severity = $severity,
    max_severity = $max_severity, signals = $signals
WHERE flag_id = $flag_id
