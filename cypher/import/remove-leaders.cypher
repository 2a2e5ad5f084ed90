// A leader no longer in the file goes, unless other data still hangs on it (handed to that origin).
UNWIND $keys AS key
MATCH (l:Leader {wikidataId: key})
WHERE l.origin = 'wikidata' AND NOT l:Seeded
OPTIONAL MATCH (l)-[other]-()
WITH l, count(other) AS links, collect(DISTINCT other.origin) AS others
FOREACH (_ IN CASE WHEN links > 0 THEN [1] ELSE [] END |
  SET l.origin = coalesce(others[0], 'unknown'), l.importHash = null)
WITH l, links
WHERE links = 0
DELETE l
