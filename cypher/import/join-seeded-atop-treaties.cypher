// One treaty per atopId. When the seeds hold a treaty that an earlier ATOP import had already created
// (the seeds were loaded after ATOP), ATOP's parties, provisions and citation move to the seeded node and
// the duplicate goes. Runs before every ATOP import, so the order of seeding and importing never matters.
MATCH (seeded:Treaty:Seeded)
WHERE seeded.atopId IS NOT NULL
MATCH (dup:Treaty {atopId: seeded.atopId})
WHERE dup <> seeded AND NOT dup:Seeded AND dup.origin = 'atop'
CALL (seeded, dup) {
  MATCH (n:Nation)-[r:PARTY_TO {origin: 'atop'}]->(dup)
  CREATE (n)-[moved:PARTY_TO]->(seeded)
  SET moved = properties(r)
  DELETE r
}
CALL (seeded, dup) {
  MATCH (dup)-[r:HAS_PROVISION {origin: 'atop'}]->(p:Provision)
  MERGE (seeded)-[moved:HAS_PROVISION]->(p)
  SET moved.origin = 'atop'
  DELETE r
}
CALL (seeded, dup) {
  MATCH (dup)-[r:CITES {origin: 'atop'}]->(s:Source)
  MERGE (seeded)-[moved:CITES {origin: 'atop'}]->(s)
  SET moved = properties(r)
  DELETE r
}
FOREACH (_ IN CASE WHEN seeded.cow4Id IS NULL THEN [1] ELSE [] END | SET seeded.cow4Id = dup.cow4Id)
DETACH DELETE dup
RETURN count(*) AS joined
