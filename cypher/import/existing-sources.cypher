// The importers' sources the graph holds; one the seeds own is reported as seeded (joined, never rewritten).
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS key, CASE WHEN s:Seeded THEN 'seeded' ELSE s.importHash END AS hash, s:Seeded AS seeded
