// After a write that changed the graph: sample every index again and wait for it, so that the planner's
// statistics describe the graph as it now is (Neo4j samples on its own only after enough changes, later).
CALL db.prepareForReplanning()
