-- Who may see what. A manager sees the reps of their own teams; a leader sees
-- everything. Without login (local mode) the app acts as a single leader.
CREATE TABLE users (
    email      VARCHAR PRIMARY KEY,           -- lower-case, as the identity provider reports it
    name       VARCHAR,
    role       VARCHAR NOT NULL CHECK (role IN ('manager', 'leader')),
    teams      VARCHAR[] NOT NULL DEFAULT [],  -- a manager's teams (ignored for leaders)
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
