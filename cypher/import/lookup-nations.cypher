MATCH (n:Nation)
WHERE n.code IN $codes
RETURN n.code AS key
