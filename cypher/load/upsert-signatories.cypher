UNWIND $rows AS row
MATCH (a:Leader {id: row.props.leader})
MATCH (b:Treaty {id: row.props.treaty})
MERGE (a)-[r:SIGNED {seedKey: row.key}]->(b)
SET r += row.props, r.seedHash = row.hash, r.origin = 'seed'
