// Everything dated that concerns `me`, one row per event. A party's own dates stand for it (an acceding
// state did not sign in 1949); the treaty's dates stand for original parties. A membership record that goes
// on from an earlier record of the same source (ATOP's next phase of an alliance) signs and accedes nothing,
// and one that goes on in a later record leaves nothing (the same rule as Party.signedOn and Party.leftOn,
// `continuation` in src/api/translate/projections.ts). Where the seeds record the membership, their record
// alone gives its events (as in allies.cypher). Wikidata's record of a spell the seeds hold (same leader, nation,
// start and end) gives none either: the seeded tenure's events stand for it (`recordsSeededSpell` in
// src/api/translate/projections.ts, the same test).
// In: me (Nation). Out: date, kind, summary, treaty, leader, organization.
CALL (me) {
  MATCH (me)-[r:PARTY_TO]->(t:Treaty)
  WHERE r.origin = 'seed' OR NOT me.code IN coalesce(t.seededParties, [])
  WITH r, t,
    EXISTS { MATCH (me)-[o:PARTY_TO]->(t) WHERE o <> r AND o.origin = r.origin AND o.fromDate < r.fromDate AND o.untilDate >= r.fromDate } AS continued,
    EXISTS { MATCH (me)-[o:PARTY_TO]->(t) WHERE o <> r AND o.origin = r.origin AND o.fromDate > r.fromDate AND o.fromDate <= r.untilDate } AS goesOn
  // Each record's events as [date, kind, summary]; those without a date are none.
  UNWIND [
    [CASE WHEN continued THEN null WHEN r.signedOn IS NOT NULL THEN r.signedOn WHEN r.inForceFrom IS NULL THEN t.signedOn END,
      'SIGNATURE', 'Signed the ' + t.name],
    [r.ratifiedOn, 'RATIFICATION', 'Ratified the ' + t.name],
    CASE
      WHEN r.inForceFrom IS NULL THEN [t.enteredIntoForceOn, 'ENTRY_INTO_FORCE', 'The ' + t.name + ' entered into force']
      WHEN continued THEN [null, 'ACCESSION', '']
      WHEN r.inForceFrom = t.enteredIntoForceOn THEN [r.inForceFrom, 'ENTRY_INTO_FORCE', 'The ' + t.name + ' entered into force']
      ELSE [r.inForceFrom, 'ACCESSION', 'Became a party to the ' + t.name] END,
    [CASE WHEN goesOn THEN null ELSE r.leftOn END, 'DEPARTURE', 'Left the ' + t.name]
  ] AS event
  WITH t, event WHERE event[0] IS NOT NULL
  RETURN event[0] AS date, event[1] AS kind, event[2] AS summary, t AS treaty, null AS leader, null AS organization
  UNION
  MATCH (me)-[:PARTY_TO]->(t:Treaty) WHERE t.terminatedOn IS NOT NULL
  RETURN t.terminatedOn AS date, 'TERMINATION' AS kind,
    'The ' + t.name + ' ended' + CASE WHEN t.terminationCause IS NULL THEN '' ELSE ': ' + t.terminationCause END AS summary,
    t AS treaty, null AS leader, null AS organization
  UNION
  MATCH (me)-[:PARTY_TO]->(t:Treaty) WHERE t.expiresOn IS NOT NULL
  RETURN t.expiresOn AS date, 'EXPIRY' AS kind, 'The term of the ' + t.name + ' ends' AS summary, t AS treaty, null AS leader, null AS organization
  UNION
  MATCH (me)-[:PARTY_TO]->(t:Treaty)-[:HAD_MILESTONE]->(m:Milestone)
  WHERE m.nation IS NULL OR m.nation = me.code
  RETURN m.date AS date, 'MILESTONE' AS kind, m.summary AS summary, t AS treaty, null AS leader, null AS organization
  UNION
  MATCH (l:Leader)-[h:HELD]->(me) WHERE h.from IS NOT NULL
    AND NOT EXISTS { MATCH (l)-[s:HELD]->(me) WHERE h.origin = 'wikidata' AND h.endUnknown IS NULL AND s.origin = 'seed' AND h.from = s.from AND coalesce(h.to, '') = coalesce(s.to, '') }
  RETURN h.from AS date, 'TENURE_START' AS kind, l.name + ' took office as ' + h.office AS summary, null AS treaty, l AS leader, null AS organization
  UNION
  MATCH (l:Leader)-[h:HELD]->(me) WHERE h.to IS NOT NULL
    AND NOT EXISTS { MATCH (l)-[s:HELD]->(me) WHERE h.origin = 'wikidata' AND h.endUnknown IS NULL AND s.origin = 'seed' AND h.from = s.from AND coalesce(h.to, '') = coalesce(s.to, '') }
  RETURN h.to AS date, 'TENURE_END' AS kind, l.name + ' left office as ' + h.office AS summary, null AS treaty, l AS leader, null AS organization
  UNION
  MATCH (me)-[m:MEMBER_OF]->(o:Organization)
  RETURN m.from AS date, 'MEMBERSHIP_START' AS kind, 'Joined ' + o.name AS summary, null AS treaty, null AS leader, o AS organization
  UNION
  MATCH (me)-[m:MEMBER_OF]->(o:Organization) WHERE m.to IS NOT NULL
  RETURN m.to AS date, 'MEMBERSHIP_END' AS kind, 'Left ' + o.name AS summary, null AS treaty, null AS leader, o AS organization
  UNION
  MATCH (s:Statement)-[:ABOUT]->(me)
  OPTIONAL MATCH (speaker:Leader)-[:MADE]->(s)
  RETURN s.date AS date, 'STATEMENT' AS kind, s.summary AS summary, null AS treaty, speaker AS leader, null AS organization
  UNION
  MATCH (l:Leader)-[:VISITED]->(v:Visit)-[:HOSTED_BY]->(me)
  RETURN v.from AS date, 'VISIT' AS kind, v.summary AS summary, null AS treaty, l AS leader, null AS organization
}
