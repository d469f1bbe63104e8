-- Parses staged target-account rows, listing each row's problems.
-- params: none
CREATE OR REPLACE TEMP TABLE clean AS
SELECT
    _row,
    clean_text(account) AS account,
    clean_text(rep) AS rep,
    clean_text(team) AS team,
    list_filter([
        CASE WHEN clean_text(account) IS NULL THEN {'field': 'account', 'value': account, 'reason': 'missing account'} END
    ], p -> p IS NOT NULL) AS problems,
    []::STRUCT(field VARCHAR, value VARCHAR, reason VARCHAR)[] AS warnings
FROM stage
