CREATE FULLTEXT INDEX search_names IF NOT EXISTS
FOR (n:Nation|Leader|Treaty|Organization) ON EACH [n.name, n.aliasText]
