// How many alliances of one source a nation belonged to during [$from, $to] (inclusive days, "YYYY-MM-DD"):
// the semantics of treaties(filter: {party, source, inForceDuring}). A membership counts when it overlaps
// the range, and when the source itself names the nation as a party (the PARTY_TO cites it): a seeded
// treaty that ATOP also holds has parties of its own, with dates of their own, which are not ATOP's.
MATCH (s:Source)
WHERE $source IN [s.id, s.title, s.publisher]
MATCH (n:Nation {code: $party})-[r:PARTY_TO]->(t:Treaty)-[:CITES]->(s)
WHERE s.id IN coalesce(r.sources, [])
  AND r.fromDate <= date($to)
  AND (r.untilDate IS NULL OR r.untilDate > date($from))
RETURN count(DISTINCT t) AS alliances
