import { afterAll, describe, expect, it } from 'vitest';
import { clearDatabase, testGraph } from '../../test/support/graph.ts';

describe('the test database from test/global-setup.ts', () => {
  const graph = testGraph();
  afterAll(() => graph.close());

  it('answers, and clearDatabase empties it but keeps constraints', async () => {
    await graph.verify();
    const session = graph.driver.session({ database: graph.database });
    try {
      await session.run('CREATE CONSTRAINT runtime_smoke_id IF NOT EXISTS FOR (n:RuntimeSmoke) REQUIRE n.id IS UNIQUE');
      await session.run('UNWIND range(1, 3) AS i CREATE (:RuntimeSmoke { id: i })-[:NEXT]->(:RuntimeSmoke { id: -i })');
      await clearDatabase(graph);
      const nodes = await session.run('MATCH (n) RETURN count(n) AS n');
      expect(nodes.records[0]?.get('n')).toBe(0);
      const constraints = await session.run("SHOW CONSTRAINTS YIELD name WHERE name = 'runtime_smoke_id' RETURN name");
      expect(constraints.records).toHaveLength(1);
      await session.run('DROP CONSTRAINT runtime_smoke_id IF EXISTS');
    } finally {
      await session.close();
    }
  });
});
