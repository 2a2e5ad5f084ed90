// Sources are shared by every import and the seeds: an import never removes one.
UNWIND $keys AS key
RETURN count(key) AS kept
