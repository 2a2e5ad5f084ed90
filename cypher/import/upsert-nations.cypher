// A new nation is the COW state's; a seed-owned one keeps every property it has and only gains a missing
// COW code.
UNWIND $rows AS row
MERGE (n:Nation {code: row.key})
FOREACH (_ IN CASE WHEN n:Seeded THEN [] ELSE [1] END |
  SET n += row.props, n.origin = 'cow', n.importHash = row.hash)
FOREACH (_ IN CASE WHEN n:Seeded AND n.cowCode IS NULL THEN [1] ELSE [] END |
  SET n.cowCode = row.props.cowCode)
