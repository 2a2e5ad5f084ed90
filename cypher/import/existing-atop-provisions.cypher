// A provision that lost its link to its treaty reads as changed, so the next import links it again.
MATCH (p:Provision {origin: 'atop'})
RETURN p.id AS key,
       CASE WHEN EXISTS { (:Treaty)-[:HAS_PROVISION]->(p) } THEN p.importHash END AS hash
