SHOW INDEXES YIELD name, state
RETURN name, state
UNION
SHOW CONSTRAINTS YIELD name, ownedIndex
RETURN name, 'ONLINE' AS state
