// A nation no longer in the COW list goes with its COW periods; if other data still hangs on it (tenures,
// parties of another origin) it stays, handed to that origin, as the seed loader does.
UNWIND $keys AS key
MATCH (n:Nation {code: key})
WHERE n.origin = 'cow' AND NOT n:Seeded
OPTIONAL MATCH (n)-[:EXISTED]->(p:Period {origin: 'cow'})
DETACH DELETE p
WITH DISTINCT n
OPTIONAL MATCH (n)-[other]-()
WITH n, count(other) AS links, collect(DISTINCT other.origin) AS others
FOREACH (_ IN CASE WHEN links > 0 THEN [1] ELSE [] END |
  SET n.origin = coalesce(others[0], 'unknown'), n.importHash = null)
WITH n, links
WHERE links = 0
DELETE n
