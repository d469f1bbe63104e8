-- The currency most of the current pipeline snapshots name (no row: none names one).
-- params: none
SELECT currency
FROM opportunity_snapshots
WHERE superseded_by IS NULL AND currency IS NOT NULL
GROUP BY currency
ORDER BY count(*) DESC, currency
LIMIT 1
