// The first page of treaties, oldest signature first (the API's default order), with the total.
CALL () { MATCH (t:Treaty) RETURN count(t) AS total }
MATCH (t:Treaty)
WITH total, t ORDER BY t.signedFromDate, t.id LIMIT 20
RETURN total, collect(t {.id, .name, .signedOn}) AS page
