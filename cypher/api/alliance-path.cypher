// One shortest chain from `a` to `b` in which every hop is a treaty in force on `asOf` for both nations it
// joins (by the seeds' record of a membership alone where they have one, as in allies.cypher), carrying one
// of `obligations` (any when null). A hop is two memberships, nation to treaty to nation
// (PARTY_TO only ever joins a Nation to a Treaty), so the search is bounded at 12 memberships: 6 hops, the
// API's cap, which the translator lowers to 2 x `maxHops` (a bound takes no parameter).
// shortestPath, not SHORTEST 1 with a quantified pattern: it tests these predicates on each membership and
// treaty as its search from both ends reaches them, and reads about a third as much (659 database hits for
// USA to SWZ in 1990, against 2,231). A shortest chain never passes a nation twice, so each hop joins two.
// In: a, b (Nations), asOf (date), obligations (list or null), maxHops (integer). Out: path.
MATCH path = shortestPath((a)-[:PARTY_TO*1..12]-(b))
WHERE all(r IN relationships(path) WHERE r.fromDate <= asOf AND (r.untilDate IS NULL OR r.untilDate > asOf)
    AND (r.origin = 'seed' OR NOT startNode(r).code IN coalesce(endNode(r).seededParties, [])))
  AND all(n IN nodes(path) WHERE n:Nation OR (
    (n.untilDate IS NULL OR n.untilDate > asOf)
    AND (obligations IS NULL OR EXISTS { MATCH (n)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })))
WITH path
WHERE length(path) <= 2 * maxHops
