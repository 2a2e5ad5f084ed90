UNWIND $rows AS row
MATCH (n:Nation {code: row.ref.nation})
MERGE (p:Period {id: row.key})
SET p += row.props, p.origin = 'cow', p.importHash = row.hash
MERGE (n)-[e:EXISTED]->(p)
SET e.origin = 'cow'
