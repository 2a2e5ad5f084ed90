/** The test database, for test files: its login, a Graph on it, a way to empty it between tests, and the seeds in it. */
import { inject } from 'vitest';
import { Graph, type GraphOptions } from '../../src/graph/graph.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';
import type { DatabaseLogin } from './server.ts';

/** The login of the database that test/global-setup.ts started or was pointed at, for a server process. */
export function testLogin(): DatabaseLogin {
  return inject('neo4j');
}

/** Connection options of that database, for a Graph. */
export function testGraphOptions(): GraphOptions {
  return { ...testLogin() };
}

/** A Graph on the test database; close it in `afterAll`. */
export function testGraph(): Graph {
  return new Graph(testGraphOptions());
}

/**
 * Deletes every node and relationship, in batches so a large import cannot exhaust the heap, and leaves
 * constraints and indexes in place (they are idempotent to create, and recreating them costs seconds).
 */
export async function clearDatabase(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Leaves the test database holding exactly the schema and the seeds, as many test files start from. */
export async function seedTestDatabase(graph: Graph): Promise<void> {
  await applySchema(graph);
  await clearDatabase(graph);
  await loadSeeds(graph, { dir: SEEDS_DIR });
}
