/**
 * After an import or a seed load that changed the graph, no plan made before it stays in Neo4j's cache: the
 * indexes are sampled again and every query is planned afresh (Graph.replan). A plan made on a small graph
 * can read far more on a large one (alliesOf on the 10x world: 97,101 entries against 1,662).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { importAtop } from '../../src/import/atop/index.ts';
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

  it('a seed load that writes leaves no plan cached; one that writes nothing leaves the plans alone', async () => {
    await readBefore();
    const first = await loadSeeds(graph, { dir: SEEDS_DIR });
    expect(first.created).toBeGreaterThan(0);
    expect(first.replanWarning).toBeUndefined();
    expect(await clearPlans()).toBe('Query cache already empty.');

    await readBefore();
    const again = await loadSeeds(graph, { dir: SEEDS_DIR });
    expect(again.created + again.updated + again.removed).toBe(0);
    expect(await clearPlans()).toMatch(/cleared of \d+ quer/);
  });

  describe.skipIf(!DATA.present)(`an ATOP import${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
    it('that writes leaves no plan cached; one that writes nothing leaves the plans alone', async () => {
      await readBefore();
      const first = await atop();
      expect(first.counts.some((c) => c.created > 0)).toBe(true);
      expect(first.replanWarning).toBeUndefined();
      expect(await clearPlans()).toBe('Query cache already empty.');

      await readBefore();
      const again = await atop();
      expect(again.counts.every((c) => c.created + c.updated + c.removed === 0)).toBe(true);
      expect(await clearPlans()).toMatch(/cleared of \d+ quer/);
    });
  });
});
