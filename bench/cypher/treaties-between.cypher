// The treaties both nations are parties to, in signing order.
MATCH (a:Nation {code: $a})-[:PARTY_TO]->(t:Treaty)<-[:PARTY_TO]-(b:Nation {code: $b})
WITH DISTINCT t
RETURN t {.id, .name, .signedOn} AS treaty
ORDER BY t.signedFromDate, t.fromDate, t.id
