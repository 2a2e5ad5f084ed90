MATCH (a:Nation {code: $a})-[:PARTY_TO]->(t:Treaty)<-[:PARTY_TO]-(b:Nation {code: $b})
WITH DISTINCT t
RETURN t {.id, .name, .signedOn} AS treaty
ORDER BY t.fromDate, t.id
