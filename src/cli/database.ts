/**
 * Opens the configured database for a command: starts the local Neo4j when NEO4J_URI is unset, checks the
 * connection and credentials, applies the schema, runs `work`, and closes the driver.
 */
import { graphOptions, loadConfig } from '../config.ts';
import { Graph } from '../graph/graph.ts';
import { applySchema } from '../graph/schema.ts';
import { ensureLocalNeo4j } from '../runtime/index.ts';

export async function openDatabase<T>(work: (graph: Graph) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await ensureLocalNeo4j(config);
  const graph = new Graph(graphOptions(config));
  try {
    await graph.verify();
    await applySchema(graph);
    return await work(graph);
  } finally {
    await graph.close();
  }
}
