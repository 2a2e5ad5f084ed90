UNWIND $rows AS row
MERGE (n:Statement {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:ABOUT {origin: 'seed'}]->() DELETE old }
CALL (n) { OPTIONAL MATCH ()-[old:MADE {origin: 'seed'}]->(n) DELETE old }
WITH n, row
CALL (n, row) { MATCH (l:Leader {id: row.props.speaker}) MERGE (l)-[e:MADE]->(n) SET e.origin = 'seed' }
CALL (n, row) { UNWIND row.props.aboutNations AS code MATCH (x:Nation {code: code}) MERGE (n)-[e:ABOUT]->(x) SET e.origin = 'seed' }
CALL (n, row) { UNWIND row.props.aboutTreaties AS id MATCH (x:Treaty {id: id}) MERGE (n)-[e:ABOUT]->(x) SET e.origin = 'seed' }
CALL (n, row) { UNWIND row.props.aboutOrganizations AS id MATCH (x:Organization {id: id}) MERGE (n)-[e:ABOUT]->(x) SET e.origin = 'seed' }
