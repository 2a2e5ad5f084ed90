// Nations bound, on `asOf`, by a DEFENSE provision of a treaty to assist `me`: both are parties that day
// (a membership carries its treaty's period), the treaty has not ended, the provision binds the defender
// (all parties unless it names its obligors; ATOP's member coding must include DEFENSE where it exists)
// and protects `me` (all parties unless it names beneficiaries). `since` is the earliest day from which
// one of those treaties binds both. Written without aggregating functions, like allies.cypher, because it
// also runs nested inside map projections.
// In: me (Nation), asOf (date). Out: defender, treaties, provisions, since.
MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(defender:Nation)
WHERE defender <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
  AND (theirs.obligations IS NULL OR 'DEFENSE' IN theirs.obligations)
  AND EXISTS {
    MATCH (t)-[:HAS_PROVISION]->(p:Provision {obligation: 'DEFENSE'})
    WHERE (p.obligors IS NULL OR defender.code IN p.obligors) AND (p.beneficiaries IS NULL OR me.code IN p.beneficiaries)
  }
WITH DISTINCT me, defender, asOf
WITH defender, COLLECT {
    MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(defender)
    WHERE (t.untilDate IS NULL OR t.untilDate > asOf)
      AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
      AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
      AND (theirs.obligations IS NULL OR 'DEFENSE' IN theirs.obligations)
    MATCH (t)-[:HAS_PROVISION]->(p:Provision {obligation: 'DEFENSE'})
    WHERE (p.obligors IS NULL OR defender.code IN p.obligors) AND (p.beneficiaries IS NULL OR me.code IN p.beneficiaries)
    WITH t, p, CASE WHEN mine.fromDate >= theirs.fromDate
        THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
        ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
    ORDER BY start[0]
    RETURN [t, p, start[1]] AS triple
  } AS triples
WITH defender,
  reduce(ts = [], x IN triples | CASE WHEN x[0] IN ts THEN ts ELSE ts + [x[0]] END) AS treaties,
  reduce(ps = [], x IN triples | CASE WHEN x[1] IN ps THEN ps ELSE ps + [x[1]] END) AS provisions,
  triples[0][2] AS since
ORDER BY defender.name
