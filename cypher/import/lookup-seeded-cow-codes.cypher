// The COW code each seeded nation carries, as `code=cowCode`, to compare with the one the COW list gives.
MATCH (n:Nation:Seeded)
WHERE n.code IN $codes AND n.cowCode IS NOT NULL
RETURN n.code + '=' + toString(toInteger(n.cowCode)) AS key
