// Nations bound, on `asOf`, by a DEFENSE provision of a treaty to assist `me`: both are parties that day
// (a membership carries its treaty's period), the treaty has not ended, the provision binds the defender
// (all parties unless it names its obligors; ATOP's member coding must include DEFENSE where it exists)
// and protects `me` (all parties unless it names beneficiaries). `since` is the earliest day from which
// one of those treaties binds both. One match, grouped by defender in memory, like allies.cypher, because
// this fragment also runs nested inside map projections, where Neo4j 5 refuses aggregating functions.
// In: me (Nation), asOf (date). Out: defender, treaties, provisions, since.
WITH COLLECT {
    MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(defender:Nation)
    WHERE defender <> me
      AND (t.untilDate IS NULL OR t.untilDate > asOf)
      AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
      AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
      AND (theirs.obligations IS NULL OR 'DEFENSE' IN theirs.obligations)
    MATCH (t)-[:HAS_PROVISION]->(p:Provision {obligation: 'DEFENSE'})
    WHERE (p.obligors IS NULL OR defender.code IN p.obligors) AND (p.beneficiaries IS NULL OR me.code IN p.beneficiaries)
    WITH defender, t, p, CASE WHEN mine.fromDate >= theirs.fromDate
        THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
        ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
    ORDER BY start[0], t.id
    RETURN [defender, t, p, start[1]] AS row
  } AS rows
UNWIND rows AS row
WITH DISTINCT rows, row[0] AS defender
WITH defender, [r IN rows WHERE r[0] = defender] AS shared
WITH defender,
  reduce(ts = [], r IN shared | CASE WHEN r[1] IN ts THEN ts ELSE ts + [r[1]] END) AS treaties,
  reduce(ps = [], r IN shared | CASE WHEN r[2] IN ps THEN ps ELSE ps + [r[2]] END) AS provisions,
  shared[0][3] AS since
ORDER BY defender.name
