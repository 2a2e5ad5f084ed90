// One leader per QID. When the seeds hold a leader that an earlier Wikidata import had already created (the
// seeds were loaded after it), the imported tenures move to the seeded leader and the duplicate goes.
MATCH (seeded:Leader:Seeded)
WHERE seeded.wikidataId IS NOT NULL
MATCH (dup:Leader {wikidataId: seeded.wikidataId})
WHERE dup <> seeded AND NOT dup:Seeded AND dup.origin = 'wikidata'
CALL (seeded, dup) {
  MATCH (dup)-[r:HELD {origin: 'wikidata'}]->(n:Nation)
  CREATE (seeded)-[moved:HELD]->(n)
  SET moved = properties(r)
  DELETE r
}
DETACH DELETE dup
RETURN count(*) AS joined
