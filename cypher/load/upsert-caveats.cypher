UNWIND $rows AS row
MERGE (n:Caveat {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
WITH n, row
CALL (n) { OPTIONAL MATCH ()-[old:HAS_CAVEAT {origin: 'seed'}]->(n) DELETE old }
WITH n, row
MATCH (owner:Seeded {seedKey: row.props.owner})
MERGE (owner)-[e:HAS_CAVEAT]->(n) SET e.origin = 'seed'
