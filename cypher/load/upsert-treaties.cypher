// A treaty an importer already holds under its ATOP id (the North Atlantic Treaty is ATOP 3180) is adopted,
// not duplicated: it takes the seed's id, and the importer's memberships stay on it.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (imported:Treaty {atopId: row.props.atopId})
  WHERE row.props.atopId IS NOT NULL AND NOT imported:Seeded
    AND NOT EXISTS { MATCH (:Treaty {id: row.props.id}) }
  WITH row, imported LIMIT 1
  FOREACH (adopt IN CASE WHEN imported IS NULL THEN [] ELSE [imported] END | SET adopt.id = row.props.id)
}
MERGE (n:Treaty {id: row.props.id})
SET n += row.props, n:Seeded, n.seedKey = row.key, n.seedHash = row.hash, n.origin = coalesce(n.origin, 'seed')
WITH n, row
CALL (n) { OPTIONAL MATCH (n)-[old:CITES {origin: 'seed'}]->(:Source) DELETE old }
WITH n, row
CALL (n, row) { UNWIND row.props.sources AS sourceId MATCH (s:Source {id: sourceId}) MERGE (n)-[c:CITES {origin: 'seed'}]->(s) }
