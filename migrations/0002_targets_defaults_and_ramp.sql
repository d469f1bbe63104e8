-- Company-wide default expectations from the articles (../shared/seeds/), and
-- ramp plans for new hires.
--
-- The defaults apply wherever no team or rep target says otherwise (a team's
-- own targets file or the Targets page overrides them):
--   90 minutes of prospecting a day, 3 first meetings a week,
--   2 opportunities over $100,000 a year, pipeline 3x quota.
INSERT INTO targets (metric, value, period, team, rep, effective_from) VALUES
    ('prospecting_minutes', 90, 'day', NULL, NULL, DATE '2000-01-03'),
    ('first_meetings', 3, 'week', NULL, NULL, DATE '2000-01-03'),
    ('opportunities_over_100k', 2, 'year', NULL, NULL, DATE '2000-01-03'),
    ('pipeline_coverage', 3, 'quarter', NULL, NULL, DATE '2000-01-03');

-- A rep in their first `weeks` weeks after the start date is expected to reach
-- `start_share` of each target in week 1, rising in equal steps to the full
-- target after `weeks` weeks. A team's plan beats the company one (team NULL).
CREATE TABLE ramp_plans (
    team        VARCHAR,
    weeks       INTEGER NOT NULL CHECK (weeks > 0),
    start_share DOUBLE NOT NULL CHECK (start_share > 0 AND start_share <= 1)
);

INSERT INTO ramp_plans VALUES (NULL, 12, 0.25);
