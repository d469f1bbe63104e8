-- Which of the fields the category rules read the cleaned activity file has at all.
-- params: none
SELECT
    bool_or(activity_type IS NOT NULL) AS type,
    bool_or(subtype IS NOT NULL) AS subtype,
    bool_or(subject IS NOT NULL) AS subject,
    bool_or(outcome IS NOT NULL) AS outcome
FROM activity_kinds
