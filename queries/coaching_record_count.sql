-- How many agendas, commitments and focus areas are recorded (the demo seeds coaching only once).
-- params: none
SELECT (SELECT count(*) FROM agendas) + (SELECT count(*) FROM commitments) + (SELECT count(*) FROM focus_areas)
    AS records
