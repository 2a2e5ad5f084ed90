// Every pair of nations sharing a treaty in force for both on $asOf, each pair's treaties in signing order
// (the seeds' record of a membership alone where they have one, as in the API).
// (The API's answer also lists the nodes; they are the pairs' ends, left to the client here.)
MATCH (a:Nation)-[ra:PARTY_TO]->(t:Treaty)<-[rb:PARTY_TO]-(b:Nation)
WITH a, b, t, ra, rb, date($asOf) AS asOf
WHERE a.code < b.code
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND ra.fromDate <= asOf AND (ra.untilDate IS NULL OR ra.untilDate > asOf)
  AND rb.fromDate <= asOf AND (rb.untilDate IS NULL OR rb.untilDate > asOf)
  AND (ra.origin = 'seed' OR NOT a.code IN coalesce(t.seededParties, []))
  AND (rb.origin = 'seed' OR NOT b.code IN coalesce(t.seededParties, []))
WITH DISTINCT a, b, t
ORDER BY t.signedFromDate, t.id
WITH a, b, collect(t.id) AS treaties
RETURN a.code AS a, b.code AS b, treaties
