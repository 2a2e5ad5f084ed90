// The same count for every nation and every year from $fromYear to $toYear at once, each year being the
// range [YYYY-01-01, YYYY-12-31]: one aggregation, for checking a whole data set against its own counts.
// Only the years a membership's dates can touch are tried, and each is still decided by the same overlap
// test as the single-range query. Only nation-years with at least one alliance are returned.
MATCH (s:Source)
WHERE $source IN [s.id, s.title, s.publisher]
MATCH (n:Nation)-[r:PARTY_TO]->(t:Treaty)-[:CITES]->(s)
WHERE s.id IN coalesce(r.sources, [])
UNWIND range(
  CASE WHEN r.fromDate.year > $fromYear THEN r.fromDate.year ELSE $fromYear END,
  CASE WHEN r.untilDate IS NOT NULL AND r.untilDate.year < $toYear THEN r.untilDate.year ELSE $toYear END
) AS year
WITH n, t, r, year, date({year: year, month: 1, day: 1}) AS first, date({year: year, month: 12, day: 31}) AS last
WHERE r.fromDate <= last AND (r.untilDate IS NULL OR r.untilDate > first)
RETURN n.code AS party, n.cowCode AS cowCode, year, count(DISTINCT t) AS alliances
ORDER BY party, year
