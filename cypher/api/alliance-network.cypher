// Every pair of nations sharing a treaty on `asOf`: both are parties that day (each membership carries the
// treaty's own period, as its writer set it; the seeds' record of a membership alone where they have one, as
// in allies.cypher) and the treaty has not ended; it carries one of `obligations`
// (any when null), cites one of `sourceIds` (any when null), through memberships of `origin` (any when
// null), both nations of `region` (any when null). The members of each treaty are gathered once and paired
// in memory, rather than expanding every membership against every other.
// Each treaty's obligations are read once, and carried to every pair it links. The treaties are put in
// signing order before pairing, so each pair's list comes out in that order (collect keeps row order).
// In: asOf (date), obligations, sourceIds, origin, region (lower case). Out: a, b, treaties (in signing order), obligationSets.
MATCH (member:Nation)-[r:PARTY_TO]->(t:Treaty)
WHERE r.fromDate <= asOf AND (r.untilDate IS NULL OR r.untilDate > asOf)
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND (origin IS NULL OR r.origin = origin)
  AND (r.origin = 'seed' OR NOT member.code IN coalesce(t.seededParties, []))
  AND (region IS NULL OR toLower(member.region) = region)
WITH t, obligations, sourceIds, collect(DISTINCT member) AS members
WHERE size(members) > 1
  AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
  AND (sourceIds IS NULL OR EXISTS { MATCH (t)-[:CITES]->(s:Source) WHERE s.id IN sourceIds })
WITH t, members, COLLECT { MATCH (t)-[:HAS_PROVISION]->(p:Provision) RETURN DISTINCT p.obligation } AS treatyObligations
ORDER BY t.signedFromDate, t.id
UNWIND members AS a
UNWIND members AS b
WITH a, b, t, treatyObligations
WHERE a.code < b.code
WITH a, b, collect(t) AS treaties, collect(treatyObligations) AS obligationSets
ORDER BY a.code, b.code
