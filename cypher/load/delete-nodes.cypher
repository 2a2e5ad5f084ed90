// A seed node that other importers also hang data on (a nation with ATOP parties, a treaty ATOP also
// holds) is released: the seeds' own links and marks go (with them `seededParties`, so the importer's
// memberships count again), the node and the others' data stay.
UNWIND $keys AS key
MATCH (n:Seeded {seedKey: key})
OPTIONAL MATCH (n)-[foreign]-()
WHERE foreign.origin IS NOT NULL AND foreign.origin <> 'seed'
WITH n, collect(DISTINCT foreign.origin) AS others
CALL (n, others) {
  WITH n, others WHERE size(others) > 0
  OPTIONAL MATCH (n)-[own {origin: 'seed'}]-()
  DELETE own
  WITH DISTINCT n, others
  REMOVE n:Seeded
  SET n.seedKey = null, n.seedHash = null, n.seededParties = null, n.origin = others[0]
}
WITH n, others WHERE size(others) = 0
DETACH DELETE n
