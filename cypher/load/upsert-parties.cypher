UNWIND $rows AS row
MATCH (a:Nation {code: row.props.nation})
MATCH (b:Treaty {id: row.props.treaty})
MERGE (a)-[r:PARTY_TO {seedKey: row.key}]->(b)
SET r += row.props, r.seedHash = row.hash, r.origin = 'seed'
