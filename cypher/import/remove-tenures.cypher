// The key is `qid/hos|hog/nation/n`: its parts find the relationship from its two nodes.
UNWIND $keys AS key
WITH key, split(key, '/') AS part
MATCH (:Leader {wikidataId: part[0]})-[h:HELD {importKey: key}]->(:Nation {code: part[2]})
WHERE h.origin = 'wikidata'
DELETE h
