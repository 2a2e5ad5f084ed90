// Nations the COW list names, and nations this importer created that it may no longer name. A seed-owned
// nation reads as 'seeded' once it carries a COW code, so joining it is done exactly once.
MATCH (n:Nation)
WHERE n.code IN $codes OR (n.origin = 'cow' AND NOT n:Seeded)
RETURN n.code AS key,
       CASE WHEN n:Seeded THEN CASE WHEN n.cowCode IS NULL THEN 'seeded-without-cow-code' ELSE 'seeded' END
            ELSE n.importHash END AS hash,
       n:Seeded AS seeded
