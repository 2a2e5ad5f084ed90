// Groups the rows of allies.cypher or defenders.cypher by partner in one aggregation: each treaty and
// provision once, in the order the rows came, and `since`, the day the first of them binds both. Only at
// the root of a query: Neo4j 5 refuses aggregating functions inside map projections (see
// partner-rows-nested.cypher). collect keeps the rows' order and skips nulls (the allies' `p`).
// In: rows of partner, t, p, start. Out: partner, treaties, provisions, since.
WITH partner, collect(t) AS ts, collect(p) AS ps, collect([start[1]]) AS starts
WITH partner,
  reduce(seen = [], x IN ts | CASE WHEN x IN seen THEN seen ELSE seen + x END) AS treaties,
  reduce(seen = [], x IN ps | CASE WHEN x IN seen THEN seen ELSE seen + x END) AS provisions,
  starts[0][0] AS since
ORDER BY partner.name
