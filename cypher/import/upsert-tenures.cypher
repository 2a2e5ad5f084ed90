// One HELD per tenure, keyed `qid/hos|hog/nation/n`.
UNWIND $rows AS row
MATCH (l:Leader {wikidataId: row.ref.qid})
MATCH (n:Nation {code: row.ref.nation})
MERGE (l)-[h:HELD {importKey: row.key}]->(n)
SET h += row.props, h.origin = 'wikidata', h.importHash = row.hash
