UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.ref.atopId})
MATCH (s:Source {id: $sourceId})
MERGE (p:Provision {id: row.key})
SET p += row.props, p.origin = 'atop', p.importHash = row.hash
MERGE (t)-[h:HAS_PROVISION]->(p)
SET h.origin = 'atop'
MERGE (p)-[:CITES {origin: 'atop'}]->(s)
