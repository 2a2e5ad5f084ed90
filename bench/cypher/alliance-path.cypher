// One shortest chain of nations linked by treaties in force for both on $asOf, at most 4 hops
// (the seeds' record of a membership alone where they have one, as in the API).
MATCH (a:Nation {code: $from}), (b:Nation {code: $to})
WITH a, b, date($asOf) AS asOf
MATCH p = shortestPath((a)-[:PARTY_TO*..8]-(b))
WHERE all(r IN relationships(p) WHERE r.fromDate <= asOf AND (r.untilDate IS NULL OR r.untilDate > asOf)
    AND (r.origin = 'seed' OR NOT startNode(r).code IN coalesce(endNode(r).seededParties, [])))
  AND all(x IN nodes(p) WHERE NOT x:Treaty OR x.untilDate IS NULL OR x.untilDate > asOf)
RETURN [x IN nodes(p) WHERE x:Nation | x.code] AS nations, [x IN nodes(p) WHERE x:Treaty | x.id] AS treaties
