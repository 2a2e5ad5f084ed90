// Nations sharing with `me`, on `asOf`, a treaty carrying one of `obligations` (any when null): both are
// parties that day (a membership carries its treaty's period, as its writer set it) and the treaty has not
// ended. `since` is the earliest day from which one of those treaties binds both (the later of the two
// entries). One match; the rows are grouped by ally in memory, because this fragment also runs nested inside
// map projections, where Neo4j 5 refuses aggregating functions.
// In: me (Nation), asOf (date), obligations (list or null). Out: ally, treaties, since.
WITH COLLECT {
    MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally:Nation)
    WHERE ally <> me
      AND (t.untilDate IS NULL OR t.untilDate > asOf)
      AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
      AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
      AND (obligations IS NULL OR EXISTS { MATCH (t)-[:HAS_PROVISION]->(p:Provision) WHERE p.obligation IN obligations })
    WITH ally, t, CASE WHEN mine.fromDate >= theirs.fromDate
        THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
        ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
    ORDER BY start[0], t.id
    RETURN [ally, t, start[1]] AS row
  } AS rows
UNWIND rows AS row
WITH DISTINCT rows, row[0] AS ally
WITH ally, [r IN rows WHERE r[0] = ally] AS shared
WITH ally, reduce(ts = [], r IN shared | CASE WHEN r[1] IN ts THEN ts ELSE ts + [r[1]] END) AS treaties, shared[0][2] AS since
ORDER BY ally.name
