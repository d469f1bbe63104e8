-- How many report footer / subtotal lines the file had.
-- params: none
SELECT count(*) FROM raw WHERE _footer
