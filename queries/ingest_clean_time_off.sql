-- Parses staged time-off rows. A row is rejected (`problems`) when its rep is missing or
-- unknown (on no roster and never seen in activities or the pipeline: rep_aliases()), a date
-- is missing or unreadable, it ends before it starts, or it overlaps time off already recorded
-- for the rep or another row of this file. The rep is stored under the name the data uses.
-- The file's style (date order, formats) comes from ingest.sniff, as for the other kinds.
-- params: $date_from_format VARCHAR, $date_to_format VARCHAR, $date_from_day_first BOOLEAN, $date_to_day_first BOOLEAN
CREATE OR REPLACE TEMP TABLE clean AS
WITH guessed AS (
    SELECT
        *,
        fast_timestamp(date_from, $date_from_format) AS from_fast,
        fast_timestamp(date_to, $date_to_format) AS to_fast
    FROM stage
),
parsed AS (
    SELECT
        _row,
        rep AS rep_text, date_from AS from_text, date_to AS to_text,
        tidy_name(clean_text(rep)) AS rep_given,
        coalesce(from_fast, timestamp_from_text(timestamp_text(date_from), $date_from_day_first))::DATE AS date_from,
        coalesce(to_fast, timestamp_from_text(timestamp_text(date_to), $date_to_day_first))::DATE AS date_to,
        clean_text(reason) AS reason
    FROM guessed
),
known AS (
    SELECT p.*, a.rep
    FROM parsed p
    LEFT JOIN (SELECT alias, any_value(rep) AS rep FROM rep_aliases() GROUP BY alias) a
        ON a.alias = lower(trim(p.rep_given))
),
stored AS (  -- time off already recorded that a row overlaps
    SELECT k._row, string_agg(
        '#' || t.time_off_id || ' ' || t.rep || ', ' || t.date_from || ' – ' || t.date_to
            || coalesce(' (' || t.note || ')', ''), '; ' ORDER BY t.date_from
    ) AS periods
    FROM known k
    JOIN time_off t ON lower(t.rep) = lower(k.rep) AND t.date_from <= k.date_to AND t.date_to >= k.date_from
    WHERE k.date_to >= k.date_from
    GROUP BY k._row
),
repeated AS (  -- an earlier row of this file that a row overlaps
    SELECT k._row, min(e._row) AS earlier
    FROM known k
    JOIN known e ON e.rep = k.rep AND e._row < k._row AND e.date_from <= k.date_to AND e.date_to >= k.date_from
    WHERE k.date_to >= k.date_from AND e.date_to >= e.date_from
    GROUP BY k._row
)
SELECT
    k._row, k.rep, k.date_from, k.date_to, k.reason,
    list_filter([
        CASE
            WHEN k.rep_given IS NULL THEN {'field': 'rep', 'value': k.rep_text, 'reason': 'missing rep'}
            WHEN k.rep IS NULL THEN {'field': 'rep', 'value': k.rep_text,
                'reason': 'no such rep: not on the roster and not seen in the activities or the pipeline'}
        END,
        CASE
            WHEN clean_text(k.from_text) IS NULL THEN {'field': 'date_from', 'value': k.from_text, 'reason': 'missing first day'}
            WHEN k.date_from IS NULL THEN {'field': 'date_from', 'value': k.from_text, 'reason': 'not a date'}
        END,
        CASE
            WHEN clean_text(k.to_text) IS NULL THEN {'field': 'date_to', 'value': k.to_text, 'reason': 'missing last day'}
            WHEN k.date_to IS NULL THEN {'field': 'date_to', 'value': k.to_text, 'reason': 'not a date'}
            WHEN k.date_to < k.date_from THEN {'field': 'date_to', 'value': k.to_text,
                'reason': 'ends before it starts (' || k.date_from || ')'}
        END,
        CASE WHEN s.periods IS NOT NULL THEN {'field': 'date_from', 'value': k.from_text,
            'reason': 'overlaps time off already recorded: ' || s.periods
                || ' (remove it and load the whole span, or leave this row out)'} END,
        CASE WHEN r.earlier IS NOT NULL THEN {'field': 'date_from', 'value': k.from_text,
            'reason': 'overlaps row ' || r.earlier || ' of this file for the same rep'} END
    ], p -> p IS NOT NULL) AS problems,
    []::STRUCT(field VARCHAR, value VARCHAR, reason VARCHAR)[] AS warnings
FROM known k
LEFT JOIN stored s USING (_row)
LEFT JOIN repeated r USING (_row)
