// After the indexes are sampled again: drop the cached plans, so that every query is planned afresh. A plan
// made on a small graph (an import's first run, or before it) can read 60 times as much on a large one.
CALL db.clearQueryCaches()
