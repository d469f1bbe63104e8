-- Lets go of the text of a CSV's records once its activity rows are cleaned (nothing after
-- the clean reads `raw` or `stage` for activities): a large file's text then no longer
-- takes up the memory the keys, the insert and the weekly facts need.
-- params: none
DROP TABLE IF EXISTS raw_records
