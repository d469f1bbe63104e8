-- The key each valid row of the cleaned pipeline file is stored under, per snapshot date: the
-- record ID, else name + account, else owner + account + created date. Without a record ID
-- the n-th of several rows with the same key (n > 1) gets a key of its own (a file is a
-- multiset of rows: two deals that share a name, account and owner are both kept); with
-- one, a repeat of the same ID in one snapshot is skipped (`same_as_row` names the row it repeats).
-- params: none
CREATE OR REPLACE TEMP TABLE keyed AS
SELECT
    _row,
    CASE WHEN opportunity_id IS NOT NULL OR occurrence = 1 THEN opportunity_key
         ELSE opportunity_key || '#' || occurrence END AS stored_key,
    CASE WHEN opportunity_id IS NOT NULL AND occurrence > 1 THEN first_row END AS same_as_row
FROM (
    SELECT
        _row, opportunity_key, opportunity_id,
        row_number() OVER (PARTITION BY snapshot_date, opportunity_key ORDER BY _row) AS occurrence,
        min(_row) OVER (PARTITION BY snapshot_date, opportunity_key) AS first_row
    FROM clean
    WHERE len(problems) = 0
)
