// Nations sharing with `me`, on `asOf`, a treaty carrying one of `obligations` (any when null): both are
// parties that day (a membership carries its treaty's period, as its writer set it) and the treaty has not
// ended. Where the seeds record a nation's membership of a treaty, their record alone stands for it: an
// imported record of the same membership (ATOP's) counts only under a `source` filter (docs/graph-model.md,
// "One membership, two records"). One row per shared treaty, in the order the two began to share it:
// `start` is [the later of the two entries, the day that treaty binds them from]. The rows are grouped by
// partner-rows.cypher (at the root of a query) or partner-rows-nested.cypher (inside a projection).
// In: me (Nation), asOf (date), obligations (list or null). Out: partner, t, p (null), start.
MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally:Nation)
WHERE ally <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
  AND (mine.origin = 'seed' OR NOT me.code IN coalesce(t.seededParties, []))
  AND (theirs.origin = 'seed' OR NOT ally.code IN coalesce(t.seededParties, []))
  AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
WITH ally AS partner, t, null AS p, CASE WHEN mine.fromDate >= theirs.fromDate
    THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
    ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
ORDER BY start[0], t.id
