// Leaders the file names, and leaders this importer created that it may no longer name.
MATCH (l:Leader)
WHERE l.wikidataId IN $qids OR (l.origin = 'wikidata' AND NOT l:Seeded)
RETURN l.wikidataId AS key, CASE WHEN l:Seeded THEN 'seeded' ELSE l.importHash END AS hash, l:Seeded AS seeded
