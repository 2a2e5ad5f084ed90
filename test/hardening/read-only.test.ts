/**
 * No writes over HTTP: the schema has no mutation type, and the door the API reads through (Graph.read,
 * READ access mode) is refused by Neo4j itself when a statement tries to write, so even a translation bug
 * could not change the graph.
 */
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../src/api/schema.ts';
import { testGraph } from '../support/graph.ts';

const graph = testGraph();
/** What Neo4j answers a write in a READ transaction, as mapped by src/graph/errors.ts. */
const REFUSED = { code: 'DATABASE_ERROR', details: { neo4jCode: 'Neo.ClientError.Statement.AccessMode' } };
afterAll(() => graph.close());

describe('no writes over HTTP', () => {
  it('the schema has neither mutations nor subscriptions', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
  });

  it('a write sent through the API\'s read door is refused by Neo4j, and nothing is written', async () => {
    await expect(graph.readText("CREATE (:HardeningWrite {at: 'read door'}) RETURN 1 AS result")).rejects.toMatchObject(REFUSED);
    await expect(graph.readText("MERGE (n:Nation {code: 'USA'}) SET n.name = 'pwned' RETURN 1 AS result")).rejects.toMatchObject(REFUSED);
    const session = graph.driver.session({ database: graph.database });
    try {
      const count = await session.run('MATCH (n:HardeningWrite) RETURN count(n) AS n');
      expect(count.records[0]!.get('n')).toBe(0);
      const renamed = await session.run("MATCH (n:Nation {name: 'pwned'}) RETURN count(n) AS n");
      expect(renamed.records[0]!.get('n')).toBe(0);
    } finally {
      await session.close();
    }
  });
});
