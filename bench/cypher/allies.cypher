// Nations sharing with $code, on $asOf, a treaty in force for both, by name: the shared treaties in signing
// order, and `since`, the day the first of them (by the later of the two entries) binds both. Where the
// seeds record a membership, their record alone stands for it, as in the API (docs/graph-model.md).
MATCH (me:Nation {code: $code})-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally:Nation)
WITH me, ally, t, mine, theirs, date($asOf) AS asOf
WHERE ally <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
  AND (mine.origin = 'seed' OR NOT me.code IN coalesce(t.seededParties, []))
  AND (theirs.origin = 'seed' OR NOT ally.code IN coalesce(t.seededParties, []))
WITH ally, t, CASE WHEN mine.fromDate >= theirs.fromDate
    THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
    ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
ORDER BY start[0], t.id
WITH ally, collect([start[1]])[0][0] AS since, collect(DISTINCT t) AS treaties
RETURN ally {.code, .name} AS nation, toString(since) AS since,
  COLLECT { UNWIND treaties AS t WITH t ORDER BY t.signedFromDate, t.id RETURN t {.id, .name} } AS treaties
ORDER BY nation.name
