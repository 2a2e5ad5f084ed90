// A nation, its treaties, their parties, and each party's nation.
MATCH (n:Nation {code: $code})
RETURN n {
  .code, .name,
  treaties: [t IN COLLECT { MATCH (n)-[:PARTY_TO]->(t:Treaty) RETURN DISTINCT t } | t {
    .id, .name,
    parties: [(t)<-[r:PARTY_TO]-(p:Nation) | { inForceFrom: r.inForceFrom, nation: p {.code, .name} }]
  }]
} AS nation
