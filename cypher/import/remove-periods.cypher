UNWIND $keys AS key
MATCH (p:Period {id: key, origin: 'cow'})
DETACH DELETE p
