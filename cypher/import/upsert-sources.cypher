UNWIND $rows AS row
MERGE (s:Source {id: row.key})
FOREACH (_ IN CASE WHEN s:Seeded THEN [] ELSE [1] END |
  SET s += row.props, s.importHash = row.hash)
