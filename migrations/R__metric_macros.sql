-- Building blocks shared by the weekly-metric, target and pipeline queries.
--
-- rep_aliases(): every spelling under which a rep appears in the data (the
--   roster name, the roster e-mail, the CRM user ID of the roster entry, or a
--   name seen in activities or the pipeline without a roster entry), lower-cased,
--   with the rep it means. A name written as a roster rep's name but for accents or
--   case ('Ana Garcia' for 'Ana García') means that rep, when no other roster name
--   reads the same; names of no roster rep that differ only so are one rep
--   (roster_aliases(), roster_folds() and seen_aliases(), below, are its parts). A name
--   written with its e-mail ('Prénom Nom (prenom.nom@exemple.fr)', 'Name <name@example.com>') means
--   the roster rep of that e-mail, else of that name, else the rep of the name alone.
-- rep_aliases_on_team(): rep_aliases() with the last day each rep counts: the
--   roster's end date, else, for a leaver the roster marks inactive, the end of
--   their last week of own work, and never for a manager without work of their own.
-- rep_directory(): one row per rep with team, manager, start and end date (as
--   rep_aliases_on_team() decides it).
-- rep_weeks(from, to): one row per rep and ISO week (Monday) they were on the
--   team, between two Mondays, from the kept copy of the reps' spellings
--   (kept_rep_directory(): every write that can change them keeps it before it reads this).
-- described_week(d): the week a pipeline snapshot describes; a snapshot
--   taken on a Monday (the usual "as of" date) describes the week before.
-- live_targets(): the targets not superseded, each with its scope, the key a
--   rep-week meets it on and its precedence (a rep's own target beats the
--   team's, which beats a company-wide one; among those, the latest
--   effective_from).
-- effective_targets(from, to): for each rep, week and metric, the target in
--   force: the live target of highest precedence. A target whose
--   effective_from falls inside a week applies to that whole week. With the
--   rep's start date (for ramping).
-- effective_targets_by_span(from, to): the same rows, decided once per span of
--   weeks in which the targets that apply to a rep and metric do not change,
--   not once per rep-week: about half the work for a company over months (the
--   Team and Leader pages, the rules), but more than effective_targets for one
--   rep, whose filter does not reach inside it (tests/test_targets_grid.py
--   checks the two agree).

CREATE OR REPLACE MACRO described_week(d) AS date_trunc('week', d - 1)::DATE;

-- A name as compared across spellings: lower-cased, trimmed, without accents and with ß as ss ('Ana
-- García' and 'ana garcia' are one, as 'Jürgen Weiß' and 'Jurgen Weiss'). Names are tidied at ingest
-- (tidy_name: one space between words).
CREATE OR REPLACE MACRO folded_name(s) AS strip_accents(replace(lower(trim(s)), 'ß', 'ss'));

-- A name as German writes it without umlauts: ä, ö, ü as ae, oe, ue, then folded ('Jürgen Weiß' is
-- 'juergen weiss', how an ASCII-only system or an e-mail sync spells him).
CREATE OR REPLACE MACRO transliterated_name(s) AS
    folded_name(replace(replace(replace(lower(trim(s)), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'));

-- A name written with its e-mail after it, in parentheses or angle brackets ('François Dubois
-- (francois.dubois@exemple.fr)', as an owner or assignee column may give a user; 'Name <name@example.com>',
-- as a mail client copies an address): written_email() is that e-mail, lower-cased (NULL for a name
-- without one), written_name() the name before it (the e-mail when nothing is before it; the name as
-- given, trimmed, when there is no e-mail).
CREATE OR REPLACE MACRO written_email(s) AS
    nullif(lower(regexp_extract(trim(s), '[(<]\s*([^\s()<>]+@[^\s()<>]+)\s*[)>]$', 1)), '');
CREATE OR REPLACE MACRO written_name(s) AS
    CASE WHEN written_email(s) IS NULL THEN trim(s)
        ELSE coalesce(nullif(trim(regexp_replace(trim(s), '\s*[(<][^()<>]*[)>]$', '')), ''), written_email(s))
    END;

-- roster_aliases(): the spellings a roster entry carries (its name, e-mail and CRM user ID,
-- lower-cased), with the rep, team, manager and dates; the names the rep had on earlier rosters
-- under the same e-mail (renamed, ingest_supersede_roster), while no current entry has that name and
-- no other current entry that e-mail; and the names a leader said are that rep (name_links), while no
-- current entry carries the name itself.
CREATE OR REPLACE MACRO roster_aliases() AS TABLE
WITH roster AS (
    SELECT rep, rep_key, lower(trim(email)) AS email, lower(trim(user_id)) AS user_id, team, manager,
        start_date, end_date
    FROM reps
    WHERE superseded_by IS NULL
)
SELECT rep_key AS alias, rep, team, manager, start_date, end_date FROM roster
UNION ALL
SELECT email, rep, team, manager, start_date, end_date FROM roster WHERE email IS NOT NULL
UNION ALL
SELECT user_id, rep, team, manager, start_date, end_date FROM roster WHERE user_id IS NOT NULL
UNION ALL
SELECT DISTINCT former.rep_key, r.rep, r.team, r.manager, r.start_date, r.end_date
FROM reps former
JOIN roster r ON r.email = lower(trim(former.email))
WHERE former.superseded_by IS NOT NULL
  AND former.rep_key NOT IN (SELECT rep_key FROM roster)
  AND r.email IN (SELECT email FROM roster WHERE email IS NOT NULL GROUP BY email HAVING count(*) = 1)
UNION ALL
SELECT l.name_key, r.rep, r.team, r.manager, r.start_date, r.end_date
FROM name_links l
JOIN roster r ON r.rep_key = l.rep_key
WHERE l.name_key NOT IN (SELECT rep_key FROM roster)
  AND l.name_key NOT IN (SELECT email FROM roster WHERE email IS NOT NULL)
  AND l.name_key NOT IN (SELECT user_id FROM roster WHERE user_id IS NOT NULL);

-- roster_folds(): each roster name as folded_name() and transliterated_name() compare it, when that
-- form is one roster rep's alone ('ana garcia' for 'Ana García', 'juergen weiss' and 'jurgen weiss' for
-- 'Jürgen Weiß'; no row when 'José Pérez' and 'Jose Perez' are two reps), with the rep, team, manager
-- and dates: how a name written without the accents or umlauts, or in another case, finds its rep.
CREATE OR REPLACE MACRO roster_folds() AS TABLE
WITH roster AS (SELECT * FROM reps WHERE superseded_by IS NULL),
folds AS (
    SELECT folded_name(rep_key) AS fold, * FROM roster
    UNION  -- a name without umlauts has one form: once
    SELECT transliterated_name(rep_key) AS fold, * FROM roster
)
SELECT fold, any_value(rep) AS rep, any_value(team) AS team,
    any_value(manager) AS manager, any_value(start_date) AS start_date, any_value(end_date) AS end_date
FROM folds
GROUP BY fold
HAVING count(*) = 1;

-- off_roster_names(named, skip_ids): of a file's names with their rows (a list of {name, rows}), those no
-- roster entry carries, not even but for accents and case (roster_aliases(), roster_folds()) nor by the
-- e-mail or the name of a name written with its e-mail (written_email(), written_name()), with how many
-- rows name each (spellings that differ only so counted together, as one rep, as seen_aliases() makes them),
-- most first. None when no roster is loaded. `skip_ids` leaves out the names that look like CRM user IDs.
CREATE OR REPLACE MACRO off_roster_names(named, skip_ids) AS TABLE
SELECT first(n.name ORDER BY strip_accents(n.name) = n.name, n.name = lower(n.name), n.name) AS name,
    sum(n.rows) AS rows
FROM (SELECT unnest(named, recursive := true)) n
WHERE EXISTS (SELECT 1 FROM reps WHERE superseded_by IS NULL)
  AND lower(trim(n.name)) NOT IN (SELECT alias FROM roster_aliases())
  AND coalesce(written_email(n.name), '') NOT IN (SELECT alias FROM roster_aliases())
  AND lower(written_name(n.name)) NOT IN (SELECT alias FROM roster_aliases())
  AND folded_name(written_name(n.name)) NOT IN (SELECT fold FROM roster_folds())
  AND NOT (skip_ids AND looks_like_user_id(n.name))
GROUP BY folded_name(written_name(n.name))
ORDER BY rows DESC, name;

-- seen_aliases(): the names seen in activities or the pipeline that no roster entry carries (lower-cased),
-- with the rep each means: for a name written with its e-mail, the roster rep of that e-mail, else of
-- the name before it; else the roster rep whose name it is but for accents and case (roster_folds());
-- else a rep of its own, one per folded name (of the name before an e-mail), under one of its spellings
-- (accented and capitalized first), so that 'Dev Rao', 'dev rao' and 'Dev Rao (dev@example.com)' are one rep.
CREATE OR REPLACE MACRO seen_aliases() AS TABLE
WITH seen AS (  -- activities through their weekly facts (dashboard/facts.py): one spelling per name
    SELECT min(name) AS name FROM activity_weeks GROUP BY name_key
    UNION
    SELECT DISTINCT owner FROM opportunity_snapshots WHERE superseded_by IS NULL
),
roster AS MATERIALIZED (SELECT * FROM roster_aliases()),
unnamed AS MATERIALIZED (
    SELECT lower(trim(name)) AS alias, written_name(name) AS name, written_email(name) AS email,
        folded_name(written_name(name)) AS fold
    FROM seen
    WHERE lower(trim(name)) NOT IN (SELECT alias FROM roster)  -- a hash anti-join
),
with_email AS (  -- a name written with its e-mail: the roster entry of the e-mail first, else of the name
    SELECT u.alias, 1 AS preference, r.* EXCLUDE (alias)
    FROM unnamed u JOIN roster r ON r.alias = u.email
    UNION ALL
    SELECT u.alias, 2 AS preference, r.* EXCLUDE (alias)
    FROM unnamed u JOIN roster r ON r.alias = lower(u.name)
    WHERE u.email IS NOT NULL
),
by_email AS (
    SELECT * FROM with_email QUALIFY row_number() OVER (PARTITION BY alias ORDER BY preference, rep) = 1
)
SELECT DISTINCT u.alias,
    -- (read once: all the spellings of a folded name meet the same roster rep, or none)
    coalesce(e.rep, f.rep, first(u.name ORDER BY strip_accents(u.name) = u.name, u.name = lower(u.name), u.name)
        OVER (PARTITION BY u.fold)) AS rep,
    -- one of e and f at most has a row (f is read only for a name its e-mail did not place)
    coalesce(e.team, f.team) AS team, coalesce(e.manager, f.manager) AS manager,
    coalesce(e.start_date, f.start_date) AS start_date, coalesce(e.end_date, f.end_date) AS end_date
FROM unnamed u
LEFT JOIN by_email e ON e.alias = u.alias
LEFT JOIN roster_folds() f ON f.fold = u.fold AND e.alias IS NULL;

CREATE OR REPLACE MACRO rep_aliases() AS TABLE
SELECT * FROM roster_aliases()
UNION ALL
SELECT * FROM seen_aliases();

-- rep_aliases_on_team(): rep_aliases() with the last day each rep counts (end_date): the roster's, else,
-- for a roster rep the data ends, the Sunday of their last week of own work (an activity logged, or a
-- deal created, under any of their spellings). The data ends a rep the roster marks inactive (a CRM
-- user list marks a leaver so, without an end date): their weeks before stay theirs, later ones are
-- not judged. And a person the roster names as another rep's manager, while they have no work of their
-- own: a manager on a user list is not a rep (a player-coach is); they count never (end 0001-01-01), as
-- does a leaver who never worked here. Deals merely owned are no work: a CRM keeps a leaver's open deals
-- under their name until they are handed on.
CREATE OR REPLACE MACRO rep_aliases_on_team() AS TABLE
WITH managers AS (  -- the names the roster gives as another entry's manager, folded
    SELECT DISTINCT folded_name(manager) AS fold FROM reps
    WHERE superseded_by IS NULL AND manager IS NOT NULL AND folded_name(manager) <> folded_name(rep)
),
candidates AS (  -- roster reps the data may end: inactive, or a manager, without an end date
    SELECT rep, active FROM reps
    WHERE superseded_by IS NULL AND end_date IS NULL
      AND (NOT active OR folded_name(rep) IN (SELECT fold FROM managers))
),
work AS (  -- each spelling's last week of own work
    SELECT name_key, max(week) AS last_week
    FROM (SELECT name_key, week FROM activity_weeks
          UNION ALL
          SELECT name_key, week FROM opportunity_weeks WHERE opportunities_created > 0)
    GROUP BY name_key
),
named AS (  -- every spelling, with the rep's last week of work when the data may end them
    SELECT a.*, c.active,
        max(w.last_week) OVER (PARTITION BY a.rep) AS last_week
    FROM rep_aliases() a
    LEFT JOIN candidates c USING (rep)
    LEFT JOIN work w ON c.rep IS NOT NULL AND w.name_key = a.alias
)
SELECT alias, rep, team, manager, start_date,
    coalesce(end_date, CASE  -- (active is NULL for everyone else)
        WHEN NOT active THEN coalesce(last_week + 6, DATE '0001-01-01')
        WHEN active AND last_week IS NULL THEN DATE '0001-01-01' END) AS end_date
FROM named;

CREATE OR REPLACE MACRO rep_directory() AS TABLE
SELECT DISTINCT rep, team, manager, start_date, end_date FROM rep_aliases_on_team();

-- kept_rep_directory(): rep_directory() as the last write kept it (rep_alias_snapshot, the same rows:
-- facts.keep_rep_aliases), for reads outside a write: no alias macros to plan.
CREATE OR REPLACE MACRO kept_rep_directory() AS TABLE
SELECT DISTINCT rep, team, manager, start_date, end_date FROM rep_alias_snapshot;

CREATE OR REPLACE MACRO rep_weeks(from_week, to_week) AS TABLE
SELECT d.rep, d.team, d.manager, d.start_date, w::DATE AS week
FROM kept_rep_directory() d,
     range(from_week::TIMESTAMP, to_week::TIMESTAMP + INTERVAL 1 DAY, INTERVAL 7 DAY) t(w)
WHERE (d.start_date IS NULL OR w::DATE + 6 >= d.start_date)
  AND (d.end_date IS NULL OR w::DATE <= d.end_date);

CREATE OR REPLACE MACRO live_targets() AS TABLE
SELECT metric, value, period, effective_from, effective_to,
       CASE WHEN rep IS NOT NULL THEN 'rep' WHEN team IS NOT NULL THEN 'team' ELSE 'company' END AS scope,
       CASE WHEN rep IS NOT NULL THEN 'rep:' || lower(trim(rep))
            WHEN team IS NOT NULL THEN 'team:' || lower(trim(team)) ELSE 'company' END AS match_key,
       -- a rep's own target first, then a team's, then the latest effective_from, as one number
       (2 * (rep IS NOT NULL)::BIGINT + (team IS NOT NULL)::BIGINT) * 10000000000
           + (effective_from - DATE '1970-01-01') AS precedence
FROM targets
WHERE superseded_by IS NULL;

CREATE OR REPLACE MACRO effective_targets(from_week, to_week) AS TABLE
WITH matched AS (  -- each rep-week meets the targets of its own name, its team and the company on one equality
                   -- (not a join per scope: each of those would read the rep-weeks again)
    SELECT g.rep, g.team, g.week, g.start_date, t.*
    FROM (SELECT rep, team, week, start_date,
                 unnest(['rep:' || lower(rep), 'team:' || lower(team), 'company']) AS match_key
          FROM rep_weeks(from_week, to_week)) g
    JOIN live_targets() t USING (match_key)
    WHERE t.effective_from <= g.week + 6 AND (t.effective_to IS NULL OR t.effective_to >= g.week)
)
SELECT rep, team, week, metric, value, period, scope, effective_from, start_date
FROM matched
QUALIFY row_number() OVER (PARTITION BY rep, week, metric ORDER BY precedence DESC) = 1;

CREATE OR REPLACE MACRO effective_targets_by_span(from_week, to_week) AS TABLE
WITH candidates AS MATERIALIZED (  -- each rep's own, team and company targets in force in some week asked
                                   -- for, with the weeks each applies to (from its effective_from's week)
    SELECT d.rep, d.team, d.start_date, d.end_date, t.*,
           date_trunc('week', t.effective_from)::DATE AS first_week,
           date_trunc('week', t.effective_to)::DATE + 7 AS after_week
    FROM (SELECT rep, team, start_date, end_date,
                 unnest(['rep:' || lower(rep), 'team:' || lower(team), 'company']) AS match_key
          FROM kept_rep_directory()) d
    JOIN live_targets() t USING (match_key)
    WHERE date_trunc('week', t.effective_from) <= to_week::DATE
      AND (t.effective_to IS NULL OR date_trunc('week', t.effective_to)::DATE + 7 > from_week::DATE)
),
spans AS (  -- per rep and metric, the weeks between two changes of the targets that apply
    SELECT rep, metric, week AS span_from, lead(week) OVER (PARTITION BY rep, metric ORDER BY week) AS span_to
    FROM (SELECT rep, metric, first_week AS week FROM candidates
          UNION
          SELECT rep, metric, after_week FROM candidates WHERE after_week IS NOT NULL)
),
winners AS (  -- the target in force throughout each span
    SELECT s.span_from, s.span_to, c.*
    FROM spans s JOIN candidates c USING (rep, metric)
    WHERE c.first_week <= s.span_from AND (c.after_week IS NULL OR c.after_week >= s.span_to)
    QUALIFY row_number() OVER (PARTITION BY s.rep, s.metric, s.span_from ORDER BY c.precedence DESC) = 1
)
SELECT rep, team, week::DATE AS week, metric, value, period, scope, effective_from, start_date
FROM (
    SELECT *, unnest(range(greatest(span_from, from_week::DATE)::TIMESTAMP,
                           least(coalesce(span_to, to_week::DATE + 7), to_week::DATE + 7)::TIMESTAMP,
                           INTERVAL 7 DAY)) AS week
    FROM winners
)
WHERE (start_date IS NULL OR week::DATE + 6 >= start_date)  -- the weeks the rep was on the team
  AND (end_date IS NULL OR week::DATE <= end_date);

-- The kept copy of rep_aliases_on_team() (migrations/0023_rep_alias_snapshot.sql), rebuilt whenever the
-- macros above change; every write that can change it rebuilds it too (queries/facts_keep_rep_aliases_*).
DELETE FROM rep_alias_snapshot;
INSERT INTO rep_alias_snapshot SELECT alias, rep, team, manager, start_date, end_date FROM rep_aliases_on_team();
