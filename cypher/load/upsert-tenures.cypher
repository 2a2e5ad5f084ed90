UNWIND $rows AS row
MATCH (a:Leader {id: row.props.leader})
MATCH (b:Nation {code: row.props.nation})
MERGE (a)-[r:HELD {seedKey: row.key}]->(b)
SET r += row.props, r.seedHash = row.hash, r.origin = 'seed'
