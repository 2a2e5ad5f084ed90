UNWIND $rows AS row
MATCH (a:Nation {code: row.props.nation})
MATCH (b:Organization {id: row.props.organization})
MERGE (a)-[r:ASPIRES_TO {seedKey: row.key}]->(b)
SET r += row.props, r.seedHash = row.hash, r.origin = 'seed'
