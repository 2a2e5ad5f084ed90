// A tenure is an office of a nation (row.props.nation) or of an organization (row.props.organization); the
// seed check lets a tenure name exactly one, so exactly one of the two matches.
UNWIND $rows AS row
MATCH (a:Leader {id: row.props.leader})
CALL (row) {
  MATCH (b:Nation {code: row.props.nation})
  RETURN b
  UNION
  MATCH (b:Organization {id: row.props.organization})
  RETURN b
}
MERGE (a)-[r:HELD {seedKey: row.key}]->(b)
SET r += row.props, r.seedHash = row.hash, r.origin = 'seed'
