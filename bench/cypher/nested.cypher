// A nation, its treaties in signing order, their parties in order of entry (then name), and each party's
// nation: the order the API gives them in.
MATCH (n:Nation {code: $code})
RETURN n {
  .code, .name,
  treaties: [t IN COLLECT { MATCH (n)-[:PARTY_TO]->(t:Treaty) WITH DISTINCT t ORDER BY t.signedFromDate, t.id RETURN t } | t {
    .id, .name,
    parties: COLLECT {
      MATCH (t)<-[r:PARTY_TO]-(p:Nation)
      WITH r, p ORDER BY r.fromDate, p.name, r.origin
      RETURN { inForceFrom: r.inForceFrom, nation: p {.code, .name} }
    }
  }]
} AS nation
