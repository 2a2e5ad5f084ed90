/**
 * After an import or a seed load that changed the graph, no plan made before it stays in Neo4j's cache: the
 * indexes are sampled again and every query is planned afresh (Graph.replan). A plan made on a small graph
 * can read far more on a large one (alliesOf on the 10x world: 97,101 entries against 1,662).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { importAtop } from '../../src/import/atop/index.ts';
import { totals } from '../../src/import/engine/summary.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';
import { DATA } from './data.ts';

const graph = testGraph();
const atop = () => importAtop(graph, { dir: DATA.atopDir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });

/** Empties Neo4j's plan cache and says what it held: "Query cache already empty." or "... cleared of N queries." */
async function clearPlans(): Promise<string> {
  const session = graph.driver.session();
  try {
    return (await session.run('CALL db.clearQueryCaches()')).records[0]!.get('value') as string;
  } finally {
    await session.close();
  }
}

/** A read the API might have run before the write, so that its plan is cached. */
const readBefore = () => graph.readText('MATCH (n:Nation) WHERE n.code STARTS WITH $p RETURN count(n) AS n', { p: 'U' });

describe('plans after a write', () => {
  beforeAll(async () => {
    await applySchema(graph);
  });
  beforeEach(async () => {
    await clearDatabase(graph);
  });
  afterAll(async () => {
    await graph.close();
  });

  // Each writer twice: the first run writes, the second finds nothing to write.
  const writers = [
    { name: 'a seed load', present: true, write: async () => { const r = await loadSeeds(graph, { dir: SEEDS_DIR }); return { changed: r.created + r.updated + r.removed, warning: r.replanWarning }; } },
    { name: 'an ATOP import', present: DATA.present, write: async () => { const r = await atop(); const t = totals(r.counts); return { changed: t.created + t.updated + t.removed, warning: r.replanWarning }; } },
  ];
  for (const { name, present, write } of writers) {
    it.skipIf(!present)(`${name} that writes leaves no plan cached; one that writes nothing leaves the plans alone${present ? '' : ` (skipped: ${DATA.skipReason})`}`, async () => {
      await readBefore();
      const first = await write();
      expect(first.changed).toBeGreaterThan(0);
      expect(first.warning).toBeUndefined();
      expect(await clearPlans()).toBe('Query cache already empty.');

      await readBefore();
      expect((await write()).changed).toBe(0);
      expect(await clearPlans()).toMatch(/cleared of \d+ quer/);
    });
  }
});
