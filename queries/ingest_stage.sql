-- The kind's `stage`: the mapped columns of `raw` under the canonical names of
-- `stage_columns` (missing ones NULL), leaving out report footers. A view, not a copy:
-- the sniff and clean queries read it straight from `raw`.
-- params: none
CREATE OR REPLACE TEMP VIEW stage AS
FROM stage_columns
UNION ALL BY NAME
SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer')
FROM raw
WHERE NOT _footer
