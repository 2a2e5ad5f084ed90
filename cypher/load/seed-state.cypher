MATCH (n:Seeded)
RETURN n.seedKey AS key, n.seedHash AS hash, null AS start
UNION ALL
MATCH (a:Seeded)-[r]->()
WHERE r.seedKey IS NOT NULL
RETURN r.seedKey AS key, r.seedHash AS hash, a.seedKey AS start
