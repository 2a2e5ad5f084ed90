// Nations sharing with $code, on $asOf, a treaty in force for both, with those treaties and the day from
// which the first of them binds both.
MATCH (me:Nation {code: $code})-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(ally:Nation)
WITH me, ally, t, mine, theirs, date($asOf) AS asOf
WHERE ally <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
WITH ally, collect(DISTINCT t {.id, .name}) AS treaties,
     min(CASE WHEN mine.fromDate >= theirs.fromDate THEN mine.fromDate ELSE theirs.fromDate END) AS since
RETURN ally {.code, .name} AS nation, toString(since) AS since, treaties
ORDER BY nation.name
