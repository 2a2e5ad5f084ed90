UNWIND $rows AS row
MERGE (n:Provision {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
WITH n, row
MATCH (t:Treaty {id: row.props.treaty})
MERGE (t)-[e:HAS_PROVISION]->(n) SET e.origin = 'seed'
