/** The test database holding exactly the seeds, as every hardening test starts from. */
import { inject } from 'vitest';
import type { Graph } from '../../src/graph/graph.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';
import { clearDatabase } from '../support/graph.ts';
import type { DatabaseLogin } from '../support/server.ts';

export async function seedTestDatabase(graph: Graph): Promise<void> {
  await applySchema(graph);
  await clearDatabase(graph);
  await loadSeeds(graph, { dir: SEEDS_DIR });
}

/** The login of the test database, for a server process. */
export function testLogin(): DatabaseLogin {
  return inject('neo4j');
}
