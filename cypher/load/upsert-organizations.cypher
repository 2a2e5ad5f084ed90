UNWIND $rows AS row
MERGE (n:Organization {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:FOUNDED_BY {origin: 'seed'}]->() DELETE old }
WITH n, row
CALL (n, row) { MATCH (t:Treaty {id: row.props.foundingTreaty}) MERGE (n)-[e:FOUNDED_BY]->(t) SET e.origin = 'seed' }
