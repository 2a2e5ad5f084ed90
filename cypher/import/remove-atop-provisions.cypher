UNWIND $keys AS key
MATCH (p:Provision {id: key, origin: 'atop'})
DETACH DELETE p
