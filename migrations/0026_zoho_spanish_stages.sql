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
