// One PARTY_TO per ATOP member row, keyed `atopid/nation/phase/n`.
UNWIND $rows AS row
MATCH (n:Nation {code: row.ref.nation})
MATCH (t:Treaty {atopId: row.ref.atopId})
MERGE (n)-[r:PARTY_TO {importKey: row.key}]->(t)
SET r += row.props, r.origin = 'atop', r.importHash = row.hash
