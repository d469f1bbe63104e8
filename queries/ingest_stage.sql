-- Moves the mapped columns of `raw` into the kind's `stage` table (missing ones stay NULL),
-- leaving out report footers.
-- params: none
INSERT INTO stage BY NAME
SELECT COLUMNS(c -> c NOT LIKE 'unmapped%' AND c <> '_footer')
FROM raw
WHERE NOT _footer
