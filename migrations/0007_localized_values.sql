-- Values of exports written in Spanish, German, French and Portuguese (Brazil): activity types,
-- call outcomes, subjects, won / lost / open statuses and stage names, lead sources.
-- Each rule sits just after the English rule of the same field and category (0001, 0006),
-- so an English value still meets its English rule first; where the English priorities leave
-- no gap (subtype 25-28) the localized rule shares the English one's priority: both give the
-- same category, so their order does not matter. Patterns are RE2, matched ignoring case;
-- accents are written as classes ([oó]) because the values keep theirs. `(^|[^\pL])` and
-- `($|[^\pL])` stand for word edges: RE2's \b only knows ASCII letters (it would find a word
-- edge inside "Terminé"). German words take no left edge, to match inside compounds
-- ("Kundentermin", "Kaltakquise").

-- First / intro / discovery meetings as a whole type or subtype value.
-- Sources: HubSpot "Call and meeting type" options are the account's own (knowledge.hubspot.com
-- hubspots-default-activity-properties); the words are the usual sales wording of each language:
-- es "Primera reunión", "Reunión de descubrimiento"; de "Erstgespräch", "Ersttermin",
-- "Kennenlerngespräch", "Bedarfsanalyse"; fr "Premier rendez-vous", "R1", "Rendez-vous de
-- découverte"; pt "Primeira reunião", "Reunião de descoberta".
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (16, 'subtype', '^(primer[oa]? (reuni[oó]n|llamada|cita|visita|contacto)|(reuni[oó]n|llamada|cita) (inicial|de descubrimiento|introductoria|de presentaci[oó]n)|descubrimiento|erstgespr[aä]ch|erst(termin|kontakt|meeting|besuch)|erstes (meeting|gespr[aä]ch|treffen)|kennenlern(en|gespr[aä]ch|termin|meeting|call)|bedarfsanalyse|premi[eè]re? (r[eé]union|rendez-vous|rdv|appel|contact|visite)|(rendez-vous|rdv|appel|r[eé]union) (de )?d[eé]couverte|d[eé]couverte|r1|primeir[oa] (reuni[aã]o|liga[cç][aã]o|chamada|visita|contato)|(reuni[aã]o|liga[cç][aã]o|chamada) (inicial|de descoberta|de apresenta[cç][aã]o)|descoberta)$', 'first_meeting', NULL),
    (21, 'type',    '^(primer[oa]? (reuni[oó]n|llamada|cita|visita|contacto)|(reuni[oó]n|llamada|cita) (inicial|de descubrimiento|introductoria|de presentaci[oó]n)|descubrimiento|erstgespr[aä]ch|erst(termin|kontakt|meeting|besuch)|erstes (meeting|gespr[aä]ch|treffen)|kennenlern(en|gespr[aä]ch|termin|meeting|call)|bedarfsanalyse|premi[eè]re? (r[eé]union|rendez-vous|rdv|appel|contact|visite)|(rendez-vous|rdv|appel|r[eé]union) (de )?d[eé]couverte|d[eé]couverte|r1|primeir[oa] (reuni[aã]o|liga[cç][aã]o|chamada|visita|contato)|(reuni[aã]o|liga[cç][aã]o|chamada) (inicial|de descoberta|de apresenta[cç][aã]o)|descoberta)$', 'first_meeting', NULL);

-- First meetings named in a subject ("Primera reunión con Acme", "Erstgespräch Müller GmbH",
-- "Premier RDV - Dupont", "Primeira reunião | Silva").
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (11, 'subject', '(^|[^\pL])(primer[oa]? (reuni[oó]n|llamada|cita|visita)|(reuni[oó]n|llamada) (inicial|de descubrimiento|introductoria)|premi[eè]re? (r[eé]union|rendez-vous|rdv|appel)|(rendez-vous|rdv|appel|r[eé]union) (de )?d[eé]couverte|primeir[oa] (reuni[aã]o|liga[cç][aã]o|chamada|visita)|(reuni[aã]o|liga[cç][aã]o|chamada) (inicial|de descoberta))($|[^\pL])|erstgespr[aä]ch|ersttermin|erstes (meeting|gespr[aä]ch|treffen)|kennenlern(gespr[aä]ch|termin|meeting|call)', 'first_meeting', NULL);

-- Prospecting blocks and outreach: es "Prospección", "Captación"; de "Akquise",
-- "Kaltakquise", "Neukundenakquise"; fr "Prospection" (also met by the English 'prospect');
-- pt "Prospecção", "Prospectar".
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (25, 'subtype', 'prospec(ci[oó]n|[cç][aã]o|tar)|prospektion|akquise|akquisition|captaci[oó]n', 'prospecting', NULL),
    (61, 'type',    'prospec(ci[oó]n|[cç][aã]o|tar)|prospektion|akquise|akquisition|captaci[oó]n', 'prospecting', NULL),
    (71, 'subject', 'prospec(ci[oó]n|[cç][aã]o|tar)|prospektion|akquise|akquisition|captaci[oó]n', 'prospecting', NULL);

-- Calls. Pipedrive's default activity types translated (pt "Ligação" / "Chamada", es
-- "Llamada", de "Anruf", fr "Appel"; support.pipedrive.com localized activity-type articles,
-- public code reading Pipedrive pt/es exports: "Actividad - Tipo", "Atividade - Tipo"); HubSpot
-- activity type CALL in the user's language; Salesforce Task Subtype "Call" (es "Llamada", de
-- "Anruf", fr "Appel", pt "Chamada").
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (26, 'subtype', 'llamada|anruf|telefonat|telefon|appel|t[eé]l[eé]phon|liga[cç][aã]o|chamada|telefonema', 'call', NULL),
    (31, 'type',    'llamada|anruf|telefonat|telefon|appel|t[eé]l[eé]phon|liga[cç][aã]o|chamada|telefonema', 'call', NULL),
    (81, 'subject', '^(llamada|llamar|anruf|telefonat|r[uü]ckruf|appel|appeler|liga[cç][aã]o|ligar|chamada|telefonema)($|[^\pL])', 'call', NULL);

-- E-mails: "E-Mail" / "E-mail" already meet the English rule; es "Correo (electrónico)",
-- fr "Courriel", pt "Mensagem" (Pipedrive pt e-mail activities).
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (27, 'subtype', 'correo|courriel|mensagem', 'email', NULL),
    (41, 'type',    'correo|courriel|mensagem', 'email', NULL),
    (91, 'subject', '^(correo|courriel|mensagem|enviar (correo|e-?mail)|envoi (d.)?e-?mail)($|[^\pL])', 'email', NULL);

-- Meetings: es "Reunión", "Cita", "Visita", "Demostración"; de "Besprechung", "Termin",
-- "Treffen", "Besuch", "Präsentation"; fr "Réunion", "Rendez-vous" / "RDV", "Visite",
-- "Démonstration"; pt "Reunião", "Visita", "Apresentação". "Termin" needs a right edge:
-- es/pt "Terminado", fr "Terminé" mean done.
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (28, 'subtype', 'reuni[oó]n|r[eé]union|reuni[aã]o|besprechung|termin($|[^\pL]|e($|[^\pL]))|treffen|besuch|rendez-vous|(^|[^\pL])(rdv|citas?)($|[^\pL])|visita|visite|d[eé]mo|demostraci[oó]n|d[eé]monstration|demonstra[cç][aã]o|pr[aä]sentation|presentaci[oó]n|pr[eé]sentation|apresenta[cç][aã]o|videoconferencia|visioconf[eé]rence|videokonferenz|videoconfer[eê]ncia', 'meeting', NULL),
    (51, 'type',    'reuni[oó]n|r[eé]union|reuni[aã]o|besprechung|termin($|[^\pL]|e($|[^\pL]))|treffen|besuch|rendez-vous|(^|[^\pL])(rdv|citas?)($|[^\pL])|visita|visite|d[eé]mo|demostraci[oó]n|d[eé]monstration|demonstra[cç][aã]o|pr[aä]sentation|presentaci[oó]n|pr[eé]sentation|apresenta[cç][aã]o|videoconferencia|visioconf[eé]rence|videokonferenz|videoconfer[eê]ncia', 'meeting', NULL),
    (101, 'subject', '(^|[^\pL])(reuni[oó]n|r[eé]union|reuni[aã]o|rendez-vous|rdv|cita|visita|visite|d[eé]mo|demostraci[oó]n|d[eé]monstration|demonstra[cç][aã]o|presentaci[oó]n|pr[eé]sentation|apresenta[cç][aã]o)($|[^\pL])|(besprechung|termin|treffen|besuch|pr[aä]sentation)($|[^\pL])', 'meeting', NULL);

-- Call outcomes (HubSpot "Call outcome" options translated: es "Ocupado", "Conectado", "Dejó
-- un mensaje de voz", "Sin respuesta", "Número equivocado"; de "Besetzt", "Verbunden",
-- "Nachricht hinterlassen", "Keine Antwort", "Falsche Nummer"; fr "Occupé", "Connecté",
-- "Message vocal laissé", "Pas de réponse", "Mauvais numéro"; pt "Ocupado", "Conectado",
-- "Deixou correio de voz", "Sem resposta", "Número errado"). Meeting outcomes (Programada,
-- Completada, Cancelada...) match none of these.
INSERT INTO activity_category_rules (priority, field, pattern, category, source) VALUES
    (111, 'outcome', 'buz[oó]n de voz|mensaje de voz|no contest[oó]|sin respuesta|ocupado|conectado|dej[oó] (un )?mensaje|n[uú]mero (equivocado|incorrecto|err[oó]neo)|no localizado|mailbox|anrufbeantworter|sprachnachricht|nicht erreicht|keine antwort|besetzt|verbunden|nachricht hinterlassen|falsche nummer|r[eé]pondeur|messagerie|message vocal|pas de r[eé]ponse|occup[eé]|connect[eé]|message laiss[eé]|mauvais num[eé]ro|non joint|injoignable|caixa postal|correio de voz|sem resposta|n[aã]o atend(eu|ido)|deixou (recado|mensagem)|recado deixado|n[uú]mero errado|n[aã]o localizado', 'call', NULL);

-- Won / lost / open as a status value. Pipedrive's deal status translated (public code reading
-- Pipedrive exports: pt "Aberto" / "Ganho" / "Perdido"; de "Deal - Status"; es "Ganado" /
-- "Perdido" / "Abierto"; fr "Gagné" / "Perdu" / "Ouvert"); deleted deals (es "Eliminado",
-- de "Gelöscht", fr "Supprimé", pt "Excluído") count as lost, like the English 'deleted'.
INSERT INTO status_rules (priority, field, pattern, status, source) VALUES
    (11, 'status', '^((cerrad[oa]|geschlossen|ferm[ée]e?|fechad[oa])[ _/-]*)?(ganad[oa]|gewonnen|gagn[ée]e?|ganh[oa])$', 'won', NULL),
    (21, 'status', '^((cerrad[oa]|geschlossen|ferm[ée]e?|fechad[oa])[ _/-]*)?(perdid[oa]|verloren|perdue?|eliminad[oa]|gel[oö]scht|supprim[ée]e?|exclu[ií]d[oa]|deletad[oa])$', 'lost', NULL),
    (31, 'status', '^(abiert[oa]|en curso|offen|in bearbeitung|ouverte?|en cours|abert[oa]|em aberto|em andamento|activ[oa]|aktiv|actif|ativ[oa])$', 'open', NULL);

-- Won / lost stage names. Salesforce's standard closed stages in a translated org (de
-- "Geschlossen und gewonnen" / "Geschlossen und verloren", public code importing German
-- Salesforce reports; es "Cerrada ganada", fr "Fermée gagnée", pt "Fechado/ganho"); HubSpot's
-- default closed stages (knowledge.hubspot.com/es "Cierre ganado" / "Cierre perdido", /de
-- "Abgeschlossen und gewonnen", /fr "Fermé gagné" / "Fermé perdu", /pt "Fechado"/"Perdido").
-- A stage whose last word is won / lost is closed that way.
INSERT INTO status_rules (priority, field, pattern, status, source) VALUES
    (41, 'stage', '(^|[^\pL])(ganad[oa]|gewonnen|gagn[ée]e?|ganh[oa])$|neg[oó]cio fechado', 'won', NULL),
    (51, 'stage', '(^|[^\pL])(perdid[oa]|verloren|perdue?)$|neg[oó]cio perdido|disqualifi|descalificad|desqualificad', 'lost', NULL);

-- Lead sources. HubSpot's original source values translated (es "Tráfico directo", "Fuentes
-- sin conexión", "Búsqueda orgánica", "Redes sociales", "Búsqueda de pago"; de "Direkter
-- Traffic", "Offline-Quellen", "Organische Suche", "Soziale Medien", "Bezahlte Suche"; fr
-- "Trafic direct", "Sources hors ligne", "Recherche organique", "Réseaux sociaux", "Recherche
-- payante"; pt "Tráfego direto", "Fontes offline", "Pesquisa orgânica", "Mídias sociais",
-- "Pesquisa paga"), Salesforce Lead Source picklist translated (es "Recomendación de
-- empleado", "Socio"; de "Empfehlung", "Partner"; fr "Recommandation", "Partenaire"; pt
-- "Indicação", "Parceiro"), and the sales words of each language (Prospección, Kaltakquise...).
INSERT INTO lead_source_rules (priority, pattern, source_type) VALUES
    (11, 'prospec(ci[oó]n|[cç][aã]o|tar)|akquise|puerta fr[ií]a|llamada en fr[ií]o|kaltanruf|appel à froid|liga[cç][aã]o fria|saliente|sortant|ausgehend|generad[oa] por (ventas|el comercial)|vom vertrieb|gerad[oa] por vendas|red personal|r[eé]seau (perso|personnel)|pers[oö]nliches netzwerk|rede pessoal|tr[aá]fico directo|trafic direct|direkter traffic|tr[aá]fego direto|sin conexi[oó]n|hors ligne|chasse', 'self'),
    (21, 'b[uú]squeda|recherche|suche|pesquisa|redes soci|r[eé]seaux sociaux|soziale (medien|netzwerke)|m[ií]dias? sociais|publicidad|publicit|werbung|anuncio|an[uú]ncio|campa[nñ]a|campagne|kampagne|campanha|feria|salon|messe|feira|[ée]v[ée]nement|veranstaltung|seminario web|webinaire|entrante|entrant|eingehend|contenido|contenu|inhalt|conte[uú]do|correo electr[oó]nico|courriel|newsletter|descarga|t[eé]l[eé]chargement|download', 'marketing'),
    (31, 'recomendaci[oó]n|referid|empfehlung|recommandation|parrainage|indica[cç][aã]o|(^|[^\pL])socios?($|[^\pL])|partenaire|parceir|cliente existente|bestandskunde|client existant|cliente (atual|ativo)|renovaci[oó]n|verl[aä]ngerung|renouvellement|renova[cç][aã]o|^(otr[oa]s?|sonstige[s]?|andere|autres?|outr[oa]s?)$', 'other');
