-- The currency amounts are shown in: the one most of the current pipeline snapshots name, else (no
-- stored deal names one) the one of the latest pipeline upload that named one, kept when that upload
-- was undone (company_currency). No row: the company never loaded a currency.
-- params: none
SELECT currency
FROM (
    SELECT currency, 0 AS source, count(*) AS rows, NULL::BIGINT AS upload_id
    FROM opportunity_snapshots
    WHERE superseded_by IS NULL AND currency IS NOT NULL
    GROUP BY currency
    UNION ALL
    SELECT currency, 1 AS source, 0 AS rows, upload_id
    FROM company_currency
)
ORDER BY source, rows DESC, upload_id DESC, currency
LIMIT 1
