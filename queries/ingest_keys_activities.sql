-- The valid rows of the cleaned activity file whose key repeats within the file, and the key
-- each is stored under. A file is a multiset of rows: without a record ID, the n-th of
-- several identical rows (n > 1) gets a key of its own (its content's key and n), so
-- re-uploading the file or an overlapping export adds nothing while genuine repeats inside
-- one file are all kept. With a record ID, a repeat of the same ID in one file is skipped:
-- `same_as_row` names the row it repeats. Every other row keeps its content key, so only
-- repeated keys (usually none) pay for numbering. The repeated keys are found by sorting the keys
-- and comparing neighbours, not by counting each key in a hash table: at 5M keys, nearly all of
-- them distinct, the sort takes about 0.5 s of CPU where the count took 0.8-0.95 s.
-- params: none
CREATE OR REPLACE TEMP TABLE repeats AS
WITH repeated AS (
    SELECT DISTINCT activity_key
    FROM (
        SELECT activity_key, lag(activity_key) OVER (ORDER BY activity_key) AS previous_key
        FROM clean
        WHERE len(problems) = 0
    )
    WHERE activity_key = previous_key
),
numbered AS (
    SELECT c._row, c.activity_key, c.activity_id IS NOT NULL AS by_id,
        row_number() OVER (PARTITION BY c.activity_key ORDER BY c._row) AS occurrence,
        min(c._row) OVER (PARTITION BY c.activity_key) AS first_row
    FROM clean c
    SEMI JOIN repeated r ON r.activity_key = c.activity_key
    WHERE len(c.problems) = 0
)
SELECT
    _row,
    CASE WHEN by_id OR occurrence = 1 THEN activity_key
         ELSE md5_key(activity_key::VARCHAR || '#' || occurrence) END AS stored_key,
    CASE WHEN by_id AND occurrence > 1 THEN first_row END AS same_as_row
FROM numbered
