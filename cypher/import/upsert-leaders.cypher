// A leader the seeds hold (same QID) keeps its id and every property; any other is Wikidata's.
UNWIND $rows AS row
MERGE (l:Leader {wikidataId: row.key})
ON CREATE SET l.id = row.ref.id, l.origin = 'wikidata'
FOREACH (_ IN CASE WHEN l:Seeded THEN [] ELSE [1] END |
  SET l += row.props, l.origin = 'wikidata', l.importHash = row.hash)
