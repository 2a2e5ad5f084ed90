// Every pair of nations sharing a treaty on `asOf`: both are parties that day (each membership carries the
// treaty's own period, as its writer set it) and the treaty has not ended; it carries one of `obligations`
// (any when null), cites one of `sourceIds` (any when null), through memberships of `origin` (any when
// null), both nations of `region` (any when null). Starts from the memberships' date index.
// In: asOf (date), obligations, sourceIds, origin, region (lower case). Out: a, b, treaties.
MATCH (a:Nation)-[ra:PARTY_TO]->(t:Treaty)
WHERE ra.fromDate <= asOf AND (ra.untilDate IS NULL OR ra.untilDate > asOf)
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND (origin IS NULL OR ra.origin = origin)
  AND (region IS NULL OR toLower(a.region) = region)
  AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
  AND (sourceIds IS NULL OR EXISTS { MATCH (t)-[:CITES]->(s:Source) WHERE s.id IN sourceIds })
MATCH (t)<-[rb:PARTY_TO]-(b:Nation)
WHERE a.code < b.code
  AND rb.fromDate <= asOf AND (rb.untilDate IS NULL OR rb.untilDate > asOf)
  AND (origin IS NULL OR rb.origin = origin)
  AND (region IS NULL OR toLower(b.region) = region)
WITH a, b, collect(DISTINCT t) AS treaties
ORDER BY a.code, b.code
