/** Graph.verify against the real test database: right and wrong credentials. */
import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/graph.ts';
import { testGraphOptions } from '../support/graph.ts';

describe('Graph.verify', () => {
  it('passes with the right credentials', async () => {
    const graph = new Graph(testGraphOptions());
    await expect(graph.verify()).resolves.toBeUndefined();
    await graph.close();
  });

  it('fails with one clear sentence when the password is wrong', async () => {
    const graph = new Graph({ ...testGraphOptions(), password: 'not-the-password' });
    await expect(graph.verify()).rejects.toMatchObject({
      code: 'DATABASE_AUTH_FAILED',
      message: expect.stringMatching(/^Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD/),
    });
    await graph.close();
  });
});
