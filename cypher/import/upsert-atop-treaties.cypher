// A treaty already holding this atopId (a seeded one: the North Atlantic Treaty is ATOP 3180) is joined:
// it gains ATOP's citation and a missing cow4Id, and keeps every property of its own. The citation carries
// ATOP's own period for the alliance, which the treaty's may differ from (the seeds' dates): a question
// asked of one source (treaties with `source`) reads that source's period.
UNWIND $rows AS row
MERGE (t:Treaty {atopId: row.props.atopId})
ON CREATE SET t.id = row.ref.id, t.origin = 'atop'
FOREACH (_ IN CASE WHEN t:Seeded THEN [] ELSE [1] END |
  SET t += row.props, t.origin = 'atop')
FOREACH (_ IN CASE WHEN t:Seeded AND t.cow4Id IS NULL THEN [1] ELSE [] END |
  SET t.cow4Id = row.props.cow4Id)
WITH t, row
MATCH (s:Source {id: $sourceId})
MERGE (t)-[c:CITES {origin: 'atop'}]->(s)
SET c.importHash = row.hash, c.importKey = row.key, c.fromDate = row.props.fromDate, c.untilDate = row.props.untilDate
