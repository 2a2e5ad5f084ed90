// One shortest chain from `a` to `b` in which every hop is a treaty in force on `asOf` for both nations it
// joins, carrying one of `obligations` (any when null). The search is bounded at 6 hops, the API's cap,
// which the translator lowers to `maxHops` (a quantifier takes no parameter); a longer chain counts as none.
// In: a, b (Nations), asOf (date), obligations (list or null), maxHops (integer). Out: path.
MATCH path = SHORTEST 1 (a) (
    (x:Nation)-[r1:PARTY_TO]->(t:Treaty)<-[r2:PARTY_TO]-(y:Nation)
    WHERE x <> y
      AND (t.untilDate IS NULL OR t.untilDate > asOf)
      AND r1.fromDate <= asOf AND (r1.untilDate IS NULL OR r1.untilDate > asOf)
      AND r2.fromDate <= asOf AND (r2.untilDate IS NULL OR r2.untilDate > asOf)
      AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
  ){1,6} (b)
WITH path
WHERE length(path) <= 2 * maxHops
