-- The currency each pipeline upload was mostly in, remembered for the company: amounts are shown in
-- the currency most of the current pipeline is in, and while no pipeline is stored (its only upload
-- undone, say), in the currency of the latest pipeline upload that named one, not in dollars
-- (queries/pipeline_currency.sql, dashboard.currency). Rows outlive an undo on purpose; a new pipeline
-- upload adds its own (queries/company_currency_remember.sql).
CREATE TABLE company_currency (
    upload_id BIGINT NOT NULL,
    currency  VARCHAR NOT NULL
);

-- Stores that hold pipelines already remember each upload's commonest currency.
INSERT INTO company_currency (upload_id, currency)
SELECT upload_id, arg_max(currency, rows)
FROM (
    SELECT upload_id, currency, count(*) AS rows
    FROM opportunity_snapshots
    WHERE currency IS NOT NULL
    GROUP BY upload_id, currency
)
GROUP BY upload_id;
