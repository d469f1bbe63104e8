-- Records that a week's flags were reviewed and stored.
-- params: $week DATE
INSERT INTO flag_reviews (week) VALUES ($week)
