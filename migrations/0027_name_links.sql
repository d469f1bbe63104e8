-- Names the exports write that a sales leader said are a roster rep ("same person"): a spelling no roster
-- entry carries in any form ('Maelle Chevallier' for 'Maëlle Chevalier', a letter doubled), whose rows
-- would otherwise count for a rep of their own, without a team. roster_aliases() gives each name the
-- roster rep while that entry is current (migrations/R__metric_macros.sql); dashboard/name_links.py
-- writes and removes them.
CREATE TABLE name_links (
    name_key  VARCHAR NOT NULL,   -- one spelling, lower-cased and trimmed, as the weekly facts key it
    name      VARCHAR NOT NULL,   -- the rep the data made of it, as shown (its spellings share it)
    rep_key   VARCHAR NOT NULL,   -- the roster entry it is (reps.rep_key)
    linked_by VARCHAR,
    linked_at TIMESTAMP NOT NULL
);
