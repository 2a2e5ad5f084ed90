// Nations sharing with `me`, on `asOf`, an in-force treaty carrying one of `obligations` (any when null).
// `since` is the earliest day from which one of those treaties binds both (the later of the two entries).
// In: me (Nation), asOf (date), obligations (list or null). Out: ally, treaties, since.
MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally:Nation)
WHERE ally <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
  AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
WITH ally, t, CASE WHEN mine.fromDate >= theirs.fromDate
    THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
    ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
ORDER BY start[0]
WITH ally, collect(DISTINCT t) AS treaties, head(collect(start[1])) AS since
ORDER BY ally.name
