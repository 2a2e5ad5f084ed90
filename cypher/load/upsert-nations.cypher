UNWIND $rows AS row
MERGE (n:Nation {code: row.props.code})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[:CITES {origin: 'seed'}]->(s) }
