-- The key each valid activity row of the cleaned file is stored under. A file is a
-- multiset of rows: without a record ID, the n-th of several identical rows (n > 1) gets a
-- key of its own (its content's key and n), so re-uploading the file or an overlapping
-- export adds nothing while genuine repeats inside one file are all kept. With a record
-- ID, a repeat of the same ID in one file is skipped: `same_as_row` names the row it repeats.
-- Only repeated keys pay for numbering (a window); the rest keep their content key.
-- params: none
CREATE OR REPLACE TEMP TABLE keyed AS
WITH valid AS (
    SELECT _row, activity_key, activity_id IS NOT NULL AS by_id FROM clean WHERE len(problems) = 0
),
counts AS (
    SELECT activity_key, count(*) AS n, min(_row) AS first_row FROM valid GROUP BY activity_key
),
repeated AS (
    SELECT v._row, v.activity_key, v.by_id, c.first_row,
        row_number() OVER (PARTITION BY v.activity_key ORDER BY v._row) AS occurrence
    FROM valid v
    JOIN counts c ON c.activity_key = v.activity_key AND c.n > 1
)
SELECT v._row, v.activity_key AS stored_key, NULL::BIGINT AS same_as_row
FROM valid v
SEMI JOIN counts c ON c.activity_key = v.activity_key AND c.n = 1
UNION ALL
SELECT
    _row,
    CASE WHEN by_id OR occurrence = 1 THEN activity_key
         ELSE md5_number_lower(activity_key::VARCHAR || '#' || occurrence) END,
    CASE WHEN by_id AND occurrence > 1 THEN first_row END
FROM repeated
