// ATOP's citation goes; the treaty goes too unless it is seeded or others still hang data on it.
UNWIND $keys AS key
MATCH (t:Treaty {atopId: toInteger(key)})
OPTIONAL MATCH (t)-[c:CITES {origin: 'atop'}]->(:Source {id: $sourceId})
DELETE c
WITH DISTINCT t
WHERE NOT t:Seeded AND t.origin = 'atop'
OPTIONAL MATCH (t)-[other]-()
WHERE other.origin IS NULL OR other.origin <> 'atop'
WITH t, count(other) AS others
WHERE others = 0
DETACH DELETE t
