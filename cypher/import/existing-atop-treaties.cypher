// Every treaty ATOP holds: its own, and seeded ones it joined (they cite the ATOP source). The content hash
// lives on ATOP's CITES link, which ATOP owns on either kind of treaty. A link without ATOP's period (written
// before links carried it) has no hash, so the next import writes it again.
MATCH (t:Treaty)-[c:CITES {origin: 'atop'}]->(:Source {id: $sourceId})
WHERE t.atopId IS NOT NULL
RETURN toString(toInteger(t.atopId)) AS key, CASE WHEN c.fromDate IS NOT NULL THEN c.importHash END AS hash, t:Seeded AS seeded
UNION
MATCH (t:Treaty {origin: 'atop'})
WHERE t.atopId IS NOT NULL AND NOT EXISTS { (t)-[:CITES {origin: 'atop'}]->(:Source {id: $sourceId}) }
RETURN toString(toInteger(t.atopId)) AS key, null AS hash, t:Seeded AS seeded
