// Nations sharing with `me`, on `asOf`, a treaty carrying one of `obligations` (any when null): both are
// parties that day (a membership carries its treaty's period, as its writer set it) and the treaty has not
// ended. `since` is the earliest day from which one of those treaties binds both (the later of the two
// entries). Aggregating functions are avoided on purpose: this fragment also runs nested inside map
// projections, where Neo4j 5 rejects them; the match is therefore written twice.
// In: me (Nation), asOf (date), obligations (list or null). Out: ally, treaties, since.
MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally:Nation)
WHERE ally <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
  AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
WITH DISTINCT me, ally, asOf, obligations
WITH ally, COLLECT {
    MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally)
    WHERE (t.untilDate IS NULL OR t.untilDate > asOf)
      AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
      AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
      AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
    WITH t, CASE WHEN mine.fromDate >= theirs.fromDate
        THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
        ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
    ORDER BY start[0]
    RETURN [t, start[1]] AS pair
  } AS pairs
WITH ally, reduce(ts = [], pair IN pairs | CASE WHEN pair[0] IN ts THEN ts ELSE ts + [pair[0]] END) AS treaties, pairs[0][1] AS since
ORDER BY ally.name
