UNWIND $rows AS row
MERGE (n:Visit {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:HOSTED_BY {origin: 'seed'}]->() DELETE old }
CALL (n) { OPTIONAL MATCH ()-[old:VISITED {origin: 'seed'}]->(n) DELETE old }
WITH n, row
CALL (n, row) { MATCH (l:Leader {id: row.props.leader}) MERGE (l)-[e:VISITED]->(n) SET e.origin = 'seed' }
CALL (n, row) { MATCH (x:Nation {code: row.props.host}) MERGE (n)-[e:HOSTED_BY]->(x) SET e.origin = 'seed' }
