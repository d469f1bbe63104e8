-- Remembers the currency most of one pipeline upload's deals name (none: nothing remembered), so the
-- company's amounts keep their currency when its pipeline uploads are undone (pipeline_currency).
-- params: $upload_id BIGINT
INSERT INTO company_currency (upload_id, currency)
SELECT $upload_id, currency
FROM opportunity_snapshots
WHERE upload_id = $upload_id AND currency IS NOT NULL
GROUP BY currency
ORDER BY count(*) DESC, currency
LIMIT 1
