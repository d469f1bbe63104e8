-- Takes back what was said of the spellings of one name (dashboard/name_links.py), lower-cased.
-- params: $keys VARCHAR[]
DELETE FROM name_links WHERE list_contains($keys, name_key)
