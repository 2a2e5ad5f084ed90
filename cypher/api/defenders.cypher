// Nations bound, on `asOf`, by a DEFENSE provision of a treaty to assist `me`: both are parties that day
// (a membership carries its treaty's period; the seeds' record of a membership alone where they have one,
// as in allies.cypher), the treaty has not ended, the provision binds the defender
// (all parties unless it names its obligors; ATOP's member coding must include DEFENSE where it exists)
// and protects `me` (all parties unless it names beneficiaries). One row per such provision, in the order
// the two began to share its treaty (`start` as in allies.cypher); grouped like the allies' rows.
// In: me (Nation), asOf (date). Out: partner, t, p, start.
MATCH (me)-[mine:PARTY_TO]->(t:Treaty)<-[theirs:PARTY_TO]-(defender:Nation)
WHERE defender <> me
  AND (t.untilDate IS NULL OR t.untilDate > asOf)
  AND mine.fromDate <= asOf AND (mine.untilDate IS NULL OR mine.untilDate > asOf)
  AND theirs.fromDate <= asOf AND (theirs.untilDate IS NULL OR theirs.untilDate > asOf)
  AND (mine.origin = 'seed' OR NOT me.code IN coalesce(t.seededParties, []))
  AND (theirs.origin = 'seed' OR NOT defender.code IN coalesce(t.seededParties, []))
  AND (theirs.obligations IS NULL OR 'DEFENSE' IN theirs.obligations)
MATCH (t)-[:HAS_PROVISION]->(p:Provision {obligation: 'DEFENSE'})
WHERE (p.obligors IS NULL OR defender.code IN p.obligors) AND (p.beneficiaries IS NULL OR me.code IN p.beneficiaries)
WITH defender AS partner, t, p, CASE WHEN mine.fromDate >= theirs.fromDate
    THEN [mine.fromDate, coalesce(mine.inForceFrom, t.enteredIntoForceOn)]
    ELSE [theirs.fromDate, coalesce(theirs.inForceFrom, t.enteredIntoForceOn)] END AS start
ORDER BY start[0], t.id
