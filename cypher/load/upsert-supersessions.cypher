UNWIND $rows AS row
MATCH (a:Treaty {id: row.props.treaty})
MATCH (b:Treaty {id: row.props.superseded})
MERGE (a)-[r:SUPERSEDES {seedKey: row.key}]->(b)
SET r += row.props, r.seedHash = row.hash, r.origin = 'seed'
