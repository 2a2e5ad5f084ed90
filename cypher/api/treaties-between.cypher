// Treaties both `a` and `b` are parties to: all of them when `asOf` is null, else those in force for both.
// In: a, b (Nations), asOf (date or null). Out: t.
MATCH (a)-[pa:PARTY_TO]->(t:Treaty)<-[pb:PARTY_TO]-(b)
WHERE a <> b
  AND (asOf IS NULL OR (
    (t.untilDate IS NULL OR t.untilDate > asOf)
    AND pa.fromDate <= asOf AND (pa.untilDate IS NULL OR pa.untilDate > asOf)
    AND pb.fromDate <= asOf AND (pb.untilDate IS NULL OR pb.untilDate > asOf)))
WITH DISTINCT t
ORDER BY t.signedFromDate, t.fromDate, t.id
