// Every treaty ATOP holds: its own, and seeded ones it joined (they cite the ATOP source). The content hash
// lives on ATOP's CITES link, which ATOP owns on either kind of treaty.
MATCH (t:Treaty)-[c:CITES {origin: 'atop'}]->(:Source {id: $sourceId})
WHERE t.atopId IS NOT NULL
RETURN toString(toInteger(t.atopId)) AS key, c.importHash AS hash, t:Seeded AS seeded
UNION
MATCH (t:Treaty {origin: 'atop'})
WHERE t.atopId IS NOT NULL AND NOT EXISTS { (t)-[:CITES {origin: 'atop'}]->(:Source {id: $sourceId}) }
RETURN toString(toInteger(t.atopId)) AS key, null AS hash, t:Seeded AS seeded
