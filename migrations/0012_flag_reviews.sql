-- The weeks whose flags were reviewed and stored as episodes (dashboard/interventions.py,
-- `record`): after each upload and undo, reviews go on from the last reviewed week to the
-- latest week with data, in order, so the flag history depends on the data alone, never on
-- who opened which page when.
CREATE TABLE flag_reviews (
    week        DATE NOT NULL,
    reviewed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
