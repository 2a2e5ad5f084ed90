// partner-rows.cypher without aggregating functions, for allies and defenders asked inside a projection
// (a nation's `allies`): the rows arrive as one list, `rows` of [partner, t, p, since], and are grouped by
// partner in lists. The partners are found first, so no DISTINCT ever compares the whole list.
// In: rows. Out: partner, treaties, provisions, since.
UNWIND reduce(seen = [], r IN rows | CASE WHEN r[0] IN seen THEN seen ELSE seen + r[0] END) AS partner
WITH partner, [r IN rows WHERE r[0] = partner] AS shared
WITH partner,
  reduce(seen = [], r IN shared | CASE WHEN r[1] IN seen THEN seen ELSE seen + r[1] END) AS treaties,
  reduce(seen = [], r IN shared | CASE WHEN r[2] IS NULL OR r[2] IN seen THEN seen ELSE seen + r[2] END) AS provisions,
  shared[0][3] AS since
ORDER BY partner.name
