-- Zoho CRM's default deal phases in Spanish (Spain), module "Tratos". help.zoho.com community, "Tip #8:
-- Personaliza las fases de Tratos de acuerdo a tu empresa" (Zoho Spain): "Propuesta de valor, Cotización
-- de propuesta/precio, Negociación/Revisión y diferentes estados de Trato cerrado (ganado, perdido, y
-- perdido para la competencia)"; public code over Zoho data in Spanish filters "Fase" = 'Cerrado ganado'.
-- The other open phases are the English defaults (Qualification, Needs Analysis, Identify Decision
-- Makers, Perception Analysis: zoho.py) as the Spanish interface words them (unverified).
-- 'Cerrado-Perdido para la competencia' (Closed-Lost to Competition) ends in 'competencia', so the won /
-- lost stage rules (0007, priorities 41-51: a stage whose last word is ganado / perdido) read it as an
-- open deal forever; a pipeline holding only open deals of the default phases was refused until someone
-- said what each phase means.
INSERT INTO status_rules (priority, field, pattern, status, source) VALUES
    (52, 'stage', 'perdid[oa][ _/-]+(para|ante|frente a|contra)[ _/-]+(la[ _/-]+)?competencia', 'lost', NULL),
    (62, 'stage', '^(calificaci[oó]n|cualificaci[oó]n|an[aá]lisis de necesidades|propuesta de valor|identificar a (los )?responsables( de la toma)? de decisiones|an[aá]lisis de percepci[oó]n|cotizaci[oó]n de propuesta ?/ ?precio|negociaci[oó]n ?/ ?revisi[oó]n)$', 'open', NULL);

-- Connects in other languages. A connect was a call whose outcome starts with connected, spoke, reached,
-- answered, conversation or talked: HubSpot's call outcome 'Conectado' (es, pt), 'Connecté' (fr) or
-- 'Verbunden' (de) counted none, so a localized account's connects read 0 every week and were never
-- recognized. The weekly facts now count with is_connect() (R__cleaning_macros.sql, applied after this
-- file); the facts already stored are recounted here with the same pattern, written out as of this
-- migration, only where the count changes.
UPDATE activity_weeks AS w
SET connects = n.connects
FROM (
    SELECT lower(trim(rep)) AS name_key, date_trunc('week', activity_date)::DATE AS week,
        count(*) FILTER (category = 'call' AND regexp_matches(outcome, '^\s*(connected|spoke|reached|answered|conversation|talked|conectad[oa]|contactad[oa]|habl[oó]|contest[oó]|connect[ée]e?|verbunden|erreicht|gesprochen|atend(eu|id[oa]))', 'i')) AS connects
    FROM activities
    WHERE category = 'call' AND outcome IS NOT NULL
    GROUP BY 1, 2
) AS n
WHERE w.name_key = n.name_key AND w.week = n.week AND w.connects <> n.connects;
