UNWIND $rows AS row
MERGE (n:NationName {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
WITH n, row
MATCH (nation:Nation {code: row.props.nation})
MERGE (nation)-[e:NAMED]->(n) SET e.origin = 'seed'
