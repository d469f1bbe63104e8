-- HubSpot's default deal stages in French are open stages, as their English names are (status_rules
-- priority 60, 0006_vocabulary.sql): a pipeline export holding only open deals of the default French
-- pipeline is loaded, not refused until someone says what each stage means, and a mixed one no longer
-- lists them as stages no rule knows.
-- knowledge.hubspot.com/fr/articles/kcs_article/deals/set-up-and-customize-your-deal-pipelines-and-deal-stages
-- ("Par défaut, le pipeline de vente de HubSpot se divise en sept phases : Rendez-vous pris,
-- Qualifiée pour l'achat, Présentation planifiée, Intégration du décisionnaire, Contrat envoyé, Fermé
-- gagné, Fermé perdu"); the labels as translated in current portals ("Rendez-vous planifié",
-- "Qualifié pour acheter", "Décisionnaire impliqué": tests/fixtures/crm/localized/fr-hubspot-
-- opportunities.csv) read the same. Won and lost come first (priorities 40-51), so 'Fermé perdu' stays lost.
INSERT INTO status_rules (priority, field, pattern, status, source) VALUES
    (61, 'stage', '^(rendez-vous (pris|planifi[ée]e?)|qualifi[ée]e? pour (l''achat|acheter)|pr[ée]sentation planifi[ée]e?|(int[ée]gration du )?d[ée]cisionnaire( impliqu[ée]e?)?|contrat envoy[ée]e?)$', 'open', NULL);
