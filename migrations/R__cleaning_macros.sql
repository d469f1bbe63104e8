-- Cleaning macros: turn the text of CRM exports into typed values.
-- Re-applied whenever this file changes. Each returns NULL when the text
-- cannot be read; the ingest queries report those as rejected cells.

-- Blank-ish cells: '', '-', '—', 'n/a', '#N/A', 'null' (and any surrounding spaces).
-- Trimmed of spaces, tabs, line ends and no-break spaces. Built for speed, as it runs
-- on nearly every cell: the common cell (no space at either end, and a first character no
-- blank marker starts with, or longer than any marker, which are at most 9 bytes unless
-- made of dashes) takes the first cheap tests;
-- `trim` (slow) only runs for a cell that starts or ends with a space (the `ascii` test
-- also lets through other control characters: trim leaves those alone). No costly
-- sub-expression is repeated: DuckDB would compute a repeated one for every row, even
-- inside a branch that is rarely taken.
CREATE OR REPLACE MACRO clean_text(s) AS
    CASE
        WHEN ascii(s) <= 32 OR ascii(s) = 160 OR ends_with(s, ' ') OR ends_with(s, chr(9))
            OR ends_with(s, chr(10)) OR ends_with(s, chr(13)) OR ends_with(s, chr(160)) THEN
            CASE
                WHEN regexp_full_match(s, '[ \t\n\r\x{00A0}]*(|-+|–|—|n/?a|#n/a|null|\(blank\))[ \t\n\r\x{00A0}]*', 'i')
                    THEN NULL
                ELSE trim(s, ' ' || chr(9) || chr(10) || chr(13) || chr(160))
            END
        -- a blank marker starts with '#', '(', '-', 'N', 'n', '–' or '—': other cells are kept as they are
        WHEN NOT list_contains([35, 40, 45, 78, 110, 8211, 8212], ascii(s)) THEN s
        WHEN strlen(s) > 9 AND NOT starts_with(s, '-') THEN s
        WHEN regexp_full_match(s, '(|-+|–|—|n/?a|#n/a|null|\(blank\))', 'i') THEN NULL
        ELSE s
    END;

-- A person's or team's name as one spelling: runs of spaces, tabs, line ends, no-break and
-- NUL characters become one space ('Ada\u00a0 Park' is 'Ada Park'), so that they do not make
-- phantom reps. Applied after clean_text; the quick tests keep the common name cheap.
CREATE OR REPLACE MACRO tidy_name(t) AS
    CASE
        WHEN contains(t, '  ') OR contains(t, chr(9)) OR contains(t, chr(160)) OR contains(t, chr(0))
            OR contains(t, chr(10)) OR contains(t, chr(13)) OR contains(t, chr(8239))
            THEN trim(regexp_replace(t, '[\s\x{00A0}\x{202F}\x{0000}]+', ' ', 'g'))
        ELSE t
    END;

-- Two columns the user joined into one field ('First Name+Last Name'): their text, a space between.
CREATE OR REPLACE MACRO joined(a, b) AS
    CASE WHEN b IS NULL THEN a WHEN a IS NULL THEN b ELSE a || ' ' || b END;

-- The parts of a money/number cell: optional parentheses, sign, currency symbol or
-- ISO code on either side (a lower-case one apart from the digits: '12abc' is not 12),
-- digits with separators,
-- trailing minus, percent.
CREATE OR REPLACE MACRO number_parts(t) AS
    regexp_extract(
        t,
        '^(\()?\s*([-+])?\s*(?:R\$|[$€£¥₹]|[A-Z]{3}|[a-z]{3}\s)?\s*([-+])?\s*([0-9][0-9.,'' \x{00A0}\x{202F}]*|[.,][0-9]+)\s*(?:R\$|[$€£¥₹]|[A-Z]{3}|\s[a-z]{3})?\s*(-)?\s*(%)?\s*(\))?$',
        ['open', 'sign', 'sign2', 'digits', 'trailing_minus', 'percent', 'close']
    );

-- Digits with `,` / `.` separators -> canonical '1234.56', or NULL if malformed.
-- Both separators: the last one is the decimal mark. One kind only: it is a
-- thousands separator when it groups by three (and, for a single group, when
-- the file's style says so: `decimal_comma`), else the decimal mark.
CREATE OR REPLACE MACRO normalize_digits(d, decimal_comma) AS
    CASE
        WHEN regexp_full_match(d, '[0-9]+') THEN d
        WHEN regexp_full_match(d, '[0-9]{1,3}(\.[0-9]{3})+,[0-9]+') THEN replace(replace(d, '.', ''), ',', '.')
        WHEN regexp_full_match(d, '[0-9]{1,3}(,[0-9]{3})+\.[0-9]+') THEN replace(d, ',', '')
        WHEN regexp_full_match(d, '[0-9]{1,3}(,[0-9]{3}){2,}') THEN replace(d, ',', '')
        WHEN regexp_full_match(d, '[0-9]{1,3}(\.[0-9]{3}){2,}') THEN replace(d, '.', '')
        WHEN regexp_full_match(d, '[0-9]{1,3},[0-9]{3}') AND NOT decimal_comma THEN replace(d, ',', '')
        WHEN regexp_full_match(d, '[0-9]{1,3}\.[0-9]{3}') AND decimal_comma THEN replace(d, '.', '')
        WHEN regexp_full_match(d, '[0-9]*,[0-9]+') THEN replace(d, ',', '.')
        WHEN regexp_full_match(d, '[0-9]*\.[0-9]+') THEN d
        ELSE NULL
    END;

-- '$1,234.56', '1.234,56 €', '(1,234)', 'USD 120,000.00', '-5', '45%', '1 234,5' -> DOUBLE.
CREATE OR REPLACE MACRO parse_number(s, decimal_comma) AS (
    WITH p AS (SELECT number_parts(clean_text(s)) AS x)
    SELECT
        CASE
            WHEN (x.open = '') <> (x.close = '') THEN NULL
            WHEN (x.open <> '')::INT + (x.sign = '-')::INT + (x.sign2 = '-')::INT
                 + (x.trailing_minus <> '')::INT > 1 THEN NULL
            ELSE
                try_cast(normalize_digits(regexp_replace(x.digits, '[ ''\x{00A0}\x{202F}]', '', 'g'), decimal_comma) AS DOUBLE)
                * CASE WHEN x.open <> '' OR x.sign = '-' OR x.sign2 = '-' OR x.trailing_minus <> '' THEN -1 ELSE 1 END
                / CASE WHEN x.percent <> '' THEN 100 ELSE 1 END
        END
    FROM p
);

-- True when a column's values look like European numbers ('1.234,56', '12,5').
CREATE OR REPLACE MACRO looks_decimal_comma(s) AS
    regexp_matches(s, '[0-9],[0-9]{1,2}\s*(%|[A-Za-z€$£]{1,3})?\s*\)?$|\.[0-9]{3},[0-9]');
CREATE OR REPLACE MACRO looks_decimal_point(s) AS
    regexp_matches(s, '[0-9]\.[0-9]{1,2}\s*(%|[A-Za-z€$£]{1,3})?\s*\)?$|,[0-9]{3}\.[0-9]');

-- Dates with an optional time: ISO, US m/d/yyyy, EU d/m/yyyy (when `day_first`),
-- d.m.yyyy, 'Jan 5, 2026', '5 Jan 2026', '05-Jan-2026', Excel serial numbers.
-- Two-digit years get their own branches (%y): %Y would read '1/5/26' as the year 26.
-- Each list starts with the commonest spelling: every failed format costs time.
-- In three parts, each a plain expression (no subquery), so that a query can put
-- parse_timestamp after a faster guess (see fast_timestamp) and only pay for it on
-- the cells the guess missed: `timestamp_text` tidies the cell, `timestamp_from_text`
-- reads tidied text (give it a column, not an expression: it names `v` many times).
CREATE OR REPLACE MACRO timestamp_text(s) AS regexp_replace(clean_text(s), '\s+', ' ', 'g');

-- True when a slash date cannot be month-first (its first part is over 12).
CREATE OR REPLACE MACRO looks_day_first(s) AS
    regexp_matches(s, '^\p{Zs}*(1[3-9]|2[0-9]|3[01])[/-][0-9]{1,2}[/-][0-9]{2,4}');
CREATE OR REPLACE MACRO looks_month_first(s) AS
    regexp_matches(s, '^\p{Zs}*[0-9]{1,2}[/-](1[3-9]|2[0-9]|3[01])[/-][0-9]{2,4}');

-- The day/month order of one slash date: its own where it can only be read one way
-- ('23/02/2022' is day first, '10-19-2022' month first), else the file's (`day_first`).
CREATE OR REPLACE MACRO day_first_here(v, day_first) AS
    CASE WHEN looks_day_first(v) THEN true WHEN looks_month_first(v) THEN false ELSE day_first END;

-- A date written with Spanish month names, in English ones: '17 nov. 2026 09:15' -> '17 nov 2026 09:15',
-- '12-ago-2026' -> '12-aug-2026', '17 de noviembre de 2026' -> '17 november 2026' (dates as Spanish Excel
-- writes them with a month-name format). Read only where no numeric layout matched (the last branches of
-- timestamp_from_text); English month names pass through unchanged.
CREATE OR REPLACE MACRO spanish_months(v) AS
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        lower(v),
        '([0-9]) de (\pL+) de ([0-9])', '\1 \2 \3'),
        '\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.', '\1'),
        '\benero\b', 'january'),
        '\bfebrero\b', 'february'),
        '\bmarzo\b', 'march'),
        '\babril\b', 'april'),
        '\bmayo\b', 'may'),
        '\bjunio\b', 'june'),
        '\bjulio\b', 'july'),
        '\bagosto\b', 'august'),
        '\bs(ep)?[ei]?tiembre\b', 'september'),
        '\boctubre\b', 'october'),
        '\bnoviembre\b', 'november'),
        '\bdiciembre\b', 'december'),
        '\bene\b', 'jan'),
        '\babr\b', 'apr'),
        '\bago\b', 'aug'),
        '\bdic\b', 'dec'),
        '\bsept\b', 'sep');

CREATE OR REPLACE MACRO timestamp_from_text(v, day_first) AS
    CASE
        WHEN v IS NULL THEN NULL
        WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ].*)?') THEN
            try_cast(regexp_replace(v, '(Z|[+-][0-9]{2}:?[0-9]{2}| UTC| GMT)$', '') AS TIMESTAMP)
        WHEN regexp_full_match(v, '[0-9]{5}(\.[0-9]+)?') AND v::DOUBLE BETWEEN 20000 AND 80000 THEN
            TIMESTAMP '1899-12-30' + to_microseconds(round(v::DOUBLE * 86400000000)::BIGINT)
        WHEN regexp_full_match(v, '[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{4}( .*)?') THEN
            CASE WHEN day_first_here(v, day_first) THEN
                try_strptime(replace(v, '-', '/'), ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %I:%M %p',
                    '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %I:%M:%S %p', '%d/%m/%Y %I:%M%p'])
            ELSE
                try_strptime(replace(v, '-', '/'), ['%m/%d/%Y', '%m/%d/%Y %I:%M %p', '%m/%d/%Y %H:%M',
                    '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M%p'])
            END
        WHEN regexp_full_match(v, '[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{2}( .*)?') THEN
            CASE WHEN day_first_here(v, day_first) THEN
                try_strptime(replace(v, '-', '/'), ['%d/%m/%y', '%d/%m/%y %H:%M', '%d/%m/%y %I:%M %p',
                    '%d/%m/%y %H:%M:%S', '%d/%m/%y %I:%M:%S %p', '%d/%m/%y %I:%M%p'])
            ELSE
                try_strptime(replace(v, '-', '/'), ['%m/%d/%y', '%m/%d/%y %I:%M %p', '%m/%d/%y %H:%M',
                    '%m/%d/%y %H:%M:%S', '%m/%d/%y %I:%M:%S %p', '%m/%d/%y %I:%M%p'])
            END
        WHEN regexp_full_match(v, '[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}( .*)?') THEN
            try_strptime(v, ['%d.%m.%Y', '%d.%m.%Y %H:%M', '%d.%m.%Y %H:%M:%S'])
        WHEN regexp_full_match(v, '[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2}( .*)?') THEN
            try_strptime(v, ['%d.%m.%y', '%d.%m.%y %H:%M', '%d.%m.%y %H:%M:%S'])
        WHEN regexp_full_match(v, '[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}( .*)?') THEN
            try_strptime(v, ['%Y/%m/%d', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S'])
        WHEN regexp_full_match(v, '[0-9]{1,2}[- ][\pL]{3,9}\.?[- ][0-9]{2}') THEN
            try_strptime(spanish_months(v), ['%d-%b-%y', '%d-%B-%y', '%d %b %y', '%d %B %y'])
        ELSE
            try_strptime(replace(spanish_months(v), ',', ''), ['%b %d %Y', '%B %d %Y', '%d %b %Y', '%d %B %Y', '%d-%b-%Y', '%d-%B-%Y',
                '%b %d %Y %I:%M %p', '%B %d %Y %I:%M %p', '%b %d %Y %H:%M', '%d %b %Y %H:%M',
                '%d-%b-%Y %H:%M', '%d-%b-%Y %I:%M %p', '%a %b %d %Y', '%A %B %d %Y'])
    END;

CREATE OR REPLACE MACRO parse_timestamp(s, day_first) AS timestamp_from_text(timestamp_text(s), day_first);

-- The fast path for a file whose dates share one layout: `fmt` is the strptime format
-- that ingest.sniff picked from a sample (NULL: none). NULL whenever the format does
-- not read the whole cell, and for years before 1000, which parse_timestamp reads
-- otherwise ('1/5/26' read with %Y is the year 26); where it is not NULL, it equals
-- parse_timestamp(s, day_first) for a format picked with the same `day_first`.
-- (greatest/nullif: one call of try_strptime, where a CASE would need two.)
CREATE OR REPLACE MACRO fast_timestamp(s, fmt) AS
    nullif(greatest(try_strptime(s, fmt), TIMESTAMP '1000-01-01'), TIMESTAMP '1000-01-01');

-- A clock time on its own ('09:15', '9:15 AM', '14:05:00').
CREATE OR REPLACE MACRO parse_time(s) AS
    try_strptime(upper(clean_text(s)), ['%H:%M', '%H:%M:%S', '%I:%M %p', '%I:%M:%S %p', '%I:%M%p'])::TIME;

-- A call that reached someone, by its outcome: it starts with connected, spoke, reached, answered,
-- conversation or talked, or the same in Spanish, French, German or Portuguese (HubSpot's translated
-- call outcomes 'Conectado', 'Connecté', 'Verbunden': migrations/0007_localized_values.sql; 'Contactado',
-- 'Habló', 'Contestó', 'Erreicht', 'Gesprochen', 'Atendeu'). 'No contestó' or 'Nicht erreicht' does not
-- start so. migrations/0026_localized_stages_and_connects.sql recounted the stored connects with this pattern.
CREATE OR REPLACE MACRO is_connect(outcome) AS
    regexp_matches(outcome, '^\s*(connected|spoke|reached|answered|conversation|talked|conectad[oa]|contactad[oa]|habl[oó]|contest[oó]|connect[ée]e?|verbunden|erreicht|gesprochen|atend(eu|id[oa]))', 'i');

-- Durations -> minutes: 'HH:MM', 'HH:MM:SS', '1h 30m', '45 min', '300 s', '1.5 hours', and the units
-- in Spanish, Portuguese, French and Italian words ('15 minutos', '1 hora 5 minutos', '45 segundos');
-- bare numbers are in `unit` (minutes | seconds | hours | milliseconds | minutes_seconds); with
-- unit minutes_seconds a two-part clock cell is 'MM:SS' (Zoho CRM's call duration: '05:32' is 5 min 32 s).
CREATE OR REPLACE MACRO parse_minutes(s, unit, decimal_comma) AS (
    WITH t AS (SELECT lower(clean_text(s)) AS v)
    SELECT
        CASE
            WHEN v IS NULL THEN NULL
            WHEN regexp_full_match(v, '[0-9]+:[0-5][0-9]:[0-5][0-9]') THEN
                split_part(v, ':', 1)::DOUBLE * 60 + split_part(v, ':', 2)::DOUBLE + split_part(v, ':', 3)::DOUBLE / 60
            WHEN regexp_full_match(v, '[0-9]+:[0-5][0-9]') THEN
                CASE unit WHEN 'minutes_seconds' THEN split_part(v, ':', 1)::DOUBLE + split_part(v, ':', 2)::DOUBLE / 60
                    ELSE split_part(v, ':', 1)::DOUBLE * 60 + split_part(v, ':', 2)::DOUBLE END
            WHEN regexp_full_match(v, '([0-9.,]+\s*(h(ours?|rs?)?|horas?|heures?))?\s*([0-9.,]+\s*(m(in(ute)?s?)?|minut[oi]s?))?\s*([0-9.,]+\s*(s(ec(ond)?s?)?|segundos?|secondes?|secondi))?')
                 AND regexp_matches(v, '[0-9]\s*[hms]') THEN
                coalesce(parse_number(regexp_extract(v, '([0-9.,]+)\s*h', 1), decimal_comma) * 60, 0)
                + coalesce(parse_number(regexp_extract(v, '([0-9.,]+)\s*m', 1), decimal_comma), 0)
                + coalesce(parse_number(regexp_extract(v, '([0-9.,]+)\s*s', 1), decimal_comma) / 60, 0)
            ELSE
                parse_number(v, decimal_comma) * CASE unit
                    WHEN 'seconds' THEN 1 / 60 WHEN 'hours' THEN 60 WHEN 'milliseconds' THEN 1 / 60000 ELSE 1 END
        END
    FROM t
);

-- Yes/no cells -> BOOLEAN, in the five languages whose yes/no words the detector accepts as a yes/no
-- column (dashboard/ingest/values.py BOOL): de ja / nein, wahr / falsch; es sí / no, verdadero / falso;
-- fr oui / non, vrai / faux; pt sim / não, verdadeiro / falso. And a user's status as Dynamics 365 writes
-- it (isdisabled 'Status': Enabled / Disabled; German Aktiviert / Deaktiviert), and as Zoho CRM's users
-- carry it (status 'active'; Active / Inactive, Spanish Activo / Inactivo, and the same words in
-- French, German and Portuguese).
CREATE OR REPLACE MACRO parse_bool(s) AS
    CASE
        WHEN clean_text(s) IS NULL THEN NULL
        WHEN regexp_full_match(clean_text(s),
            'true|t|yes|y|1|x|✓|✔|checked|on|ja|wahr|s[ií]|oui|vrai|sim|verdadeiro|verdadero|enabled|aktiviert'
            || '|active|activ[oa]|actif|aktiv|ativ[oa]',
            'i') THEN true
        WHEN regexp_full_match(clean_text(s),
            'false|f|no|n|0|unchecked|off|nein|falsch|non|n[ãa]o|faux|falso|disabled|deaktiviert'
            || '|inactive|inactiv[oa]|inactif|inaktiv|inativ[oa]', 'i') THEN false
        ELSE NULL
    END;

-- A user or record ID rather than a name: one token of letters and digits with a digit
-- (Salesforce 0055g00000ABCDEAA1, HubSpot 51234567), not a date or an e-mail.
CREATE OR REPLACE MACRO looks_like_user_id(s) AS
    regexp_full_match(s, '[A-Za-z0-9_-]{3,64}') AND regexp_matches(s, '[0-9]')
    AND NOT regexp_full_match(s, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}');

-- An ISO 4217 currency code from a currency cell: 'EUR', 'eur', 'EUR - Euro', 'Euro (EUR)',
-- '€', 'Euro', 'US Dollar'. NULL when it names none ('$' alone could be any dollar).
CREATE OR REPLACE MACRO currency_code(s) AS (
    WITH t AS (SELECT upper(clean_text(s)) AS v)
    SELECT
        CASE
            WHEN v IS NULL THEN NULL
            WHEN regexp_full_match(v, '[A-Z]{3}') THEN v
            WHEN regexp_matches(v, '\(([A-Z]{3})\)') THEN regexp_extract(v, '\(([A-Z]{3})\)', 1)
            WHEN regexp_matches(v, '^[A-Z]{3}\s*[-–:]') THEN left(v, 3)
            WHEN v IN ('€', 'EURO', 'EUROS') THEN 'EUR'
            WHEN v IN ('£', 'POUND STERLING', 'BRITISH POUND', 'POUND') THEN 'GBP'
            WHEN v IN ('US DOLLAR', 'US$', 'U.S. DOLLAR', 'DOLLAR', 'DOLLARS') THEN 'USD'
            WHEN v IN ('R$', 'REAL', 'BRAZILIAN REAL') THEN 'BRL'
            WHEN v IN ('¥', 'YEN') THEN 'JPY'
            WHEN v IN ('₹', 'RUPEE', 'INDIAN RUPEE') THEN 'INR'
            WHEN v IN ('CHF', 'SWISS FRANC') THEN 'CHF'
            WHEN v IN ('CANADIAN DOLLAR', 'CA$', 'C$') THEN 'CAD'
            WHEN v IN ('AUSTRALIAN DOLLAR', 'A$', 'AU$') THEN 'AUD'
        END
    FROM t
);

-- The currency an amount cell names: '€1.234', '1.234,56 €', 'USD 120,000', 'R$ 45.000,00'.
-- NULL for a bare number or a bare '$'.
CREATE OR REPLACE MACRO amount_currency(s) AS
    CASE
        WHEN s IS NULL OR NOT regexp_matches(s, '[^0-9.,\s()+%-]') THEN NULL
        WHEN contains(s, 'R$') THEN 'BRL'
        WHEN contains(s, '€') THEN 'EUR'
        WHEN contains(s, '£') THEN 'GBP'
        WHEN contains(s, '¥') THEN 'JPY'
        WHEN contains(s, '₹') THEN 'INR'
        ELSE nullif(regexp_extract(s, '(^|[^A-Za-z])([A-Z]{3})([^A-Za-z]|$)', 2), '')
    END;

-- Replaced by status_rules (migrations/0006_vocabulary.sql) and ingest_opportunity_statuses.
DROP MACRO IF EXISTS opportunity_status;

-- The closing block of a report export. Kept narrow, so that companies such as
-- 'Copyright Clearance Center' or 'Confidential Information Systems' stay data.
CREATE OR REPLACE MACRO report_end_pattern() AS
    'copyright\s*(\(c\)|©|[0-9]{4}).*|confidential information\s*(-\s*do not distribute\.?)?|generated by\s*:.*';

-- Report footers and subtotal lines ('Grand Totals (120 records)', 'Total', 'Count: 5',
-- 'Copyright (c) 2000-2024 salesforce.com', 'Confidential Information - Do Not Distribute'),
-- and the totals a German spreadsheet adds under an export: 'Summe' (Excel's SUMME), 'Gesamt',
-- 'Gesamtsumme', 'Zwischensumme', 'Insgesamt', and the 'Gesamtergebnis' / 'Teilergebnis' lines of
-- German Excel's Teilergebnis (subtotal) command (excelhero.de/allgemein/teilergebnisse:
-- "Gesamt- und Zwischenergebnisse").
-- Spaces around the text (\p{Zs}: what `trim` removes) are matched, not trimmed: faster.
CREATE OR REPLACE MACRO is_report_footer(first_cell) AS
    regexp_full_match(
        first_cell,
        '\p{Zs}*(((grand\s+)?totals?|subtotal|sum|count|record count|total records?'
        || '|summe|gesamt|gesamtsumme|zwischensumme|insgesamt|gesamtergebnis|teilergebnis)'
        || '\s*(\(.*\))?\s*:?\s*[0-9.,]*|\(?[0-9,]+ records?\)?|'
        || report_end_pattern() || '|filtered by\s*:.*|powered by\s+[a-z0-9.]+)\p{Zs}*',
        'i'
    );

-- Lines that end a report: nothing after them is data ('Grand Totals (3 records)',
-- the copyright / confidentiality / 'Generated By' block and the org's name that
-- Salesforce prints under it).
CREATE OR REPLACE MACRO is_report_end(first_cell) AS
    regexp_full_match(
        first_cell,
        '\p{Zs}*(grand\s+totals?\s*(\(.*\))?\s*:?\s*[0-9.,]*|' || report_end_pattern() || ')\p{Zs}*',
        'i'
    );

-- The natural key of a stored row: the lower 64 bits of the MD5 of its text, exactly
-- md5_number_lower(s) (the keys stored so far), computed about five times faster: DuckDB's
-- md5_number_lower is slow, md5_number is not (tests/test_ingest_keys.py holds them equal).
CREATE OR REPLACE MACRO md5_key(s) AS (md5_number(s) >> 64)::UBIGINT;
