// Treaties both `a` and `b` are parties to: all of them when `asOf` is null, else those in force for both
// (by the seeds' record of a membership alone where they have one, as in allies.cypher).
// In: a, b (Nations), asOf (date or null). Out: t.
MATCH (a)-[pa:PARTY_TO]->(t:Treaty)<-[pb:PARTY_TO]-(b)
// Each side's memberships, joined on the treaty: left to itself the planner expands from b and then checks
// every membership of each treaty for a (1,037 database hits for USA and GBR in all, against 275 this way).
USING JOIN ON t
WHERE a <> b
  AND (asOf IS NULL OR (
    (t.untilDate IS NULL OR t.untilDate > asOf)
    AND pa.fromDate <= asOf AND (pa.untilDate IS NULL OR pa.untilDate > asOf)
    AND pb.fromDate <= asOf AND (pb.untilDate IS NULL OR pb.untilDate > asOf)
    AND (pa.origin = 'seed' OR NOT a.code IN coalesce(t.seededParties, []))
    AND (pb.origin = 'seed' OR NOT b.code IN coalesce(t.seededParties, []))))
WITH DISTINCT t
ORDER BY t.signedFromDate, t.fromDate, t.id
