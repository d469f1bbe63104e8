-- Every spelling of every rep as rep_aliases_on_team() reads it (the rep, team, manager, start date and
-- the last day they count), kept by each write that can change it, in its own transaction (the end of
-- dashboard.facts.refresh and add_fresh, which every roster, activity and pipeline write and undo
-- calls; migrations/R__metric_macros.sql rebuilds it whenever the macros change). Reads that list
-- reps or look one up (reps_list, rep_spellings) read these rows instead of planning the alias macros
-- (about 15-20 ms of DuckDB planning a read at 200 reps).
CREATE TABLE rep_alias_snapshot (
    alias      VARCHAR,
    rep        VARCHAR,
    team       VARCHAR,
    manager    VARCHAR,
    start_date DATE,
    end_date   DATE
);
