// The key is `atopid/nation/phase/n`: its first two parts find the relationship from its two nodes.
UNWIND $keys AS key
WITH key, split(key, '/') AS part
MATCH (:Nation {code: part[1]})-[r:PARTY_TO {importKey: key}]->(:Treaty {atopId: toInteger(part[0])})
WHERE r.origin = 'atop'
DELETE r
