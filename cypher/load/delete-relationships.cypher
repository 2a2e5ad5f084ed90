UNWIND $rows AS row
MATCH (a:Seeded {seedKey: row.start})-[r]->()
WHERE r.seedKey = row.key
DELETE r
