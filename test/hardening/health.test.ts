/**
 * /health says the process is up; /ready says the database answers and its schema (every constraint and
 * index of cypher/schema/) is online, and turns 503 as soon as one is missing. (The database going away
 * is database-faults.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { seedTestDatabase, testGraph, testLogin } from '../support/graph.ts';
import { send, startServerProcess, type ServerProcess } from '../support/server.ts';

const graph = testGraph();
let server: ServerProcess;

beforeAll(async () => {
  await seedTestDatabase(graph);
  server = await startServerProcess(testLogin());
});
afterAll(async () => {
  await server?.stop();
  await applySchema(graph);
  await graph.close();
});

describe('/health and /ready', () => {
  it('/health answers 200 and asks nothing of the database', async () => {
    const health = await send(`${server.url}/health`);
    expect(health.status).toBe(200);
  });

  it('/ready answers 200 when the schema is applied', async () => {
    expect((await send(`${server.url}/ready`)).status).toBe(200);
  });

  // yoga's own checks took any URL that ends in /health or /ready: this GraphQL request got an empty 200.
  it.each(['/health', '/ready'])('answers %s by its path alone: with a query string, not below it, not for a GraphQL request that mentions it', async (probe) => {
    expect((await send(`${server.url}${probe}?probe=kubelet`)).status).toBe(200);
    expect((await send(`${server.url}${probe}/now`)).status).toBe(404);
    expect((await send(`${server.url}${probe}/now${probe}`)).status).toBe(404);
    const typename = await send(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}&next=${probe}`, { headers: { accept: 'application/json' } });
    expect(typename.status).toBe(200);
    expect(typename.json?.data).toEqual({ __typename: 'Query' });
  });

  it('/ready answers 503 while an index of the schema is missing, and 200 once it is back', async () => {
    const session = graph.driver.session({ database: graph.database });
    try {
      await session.run('DROP INDEX search_names IF EXISTS');
    } finally {
      await session.close();
    }
    const missing = await send(`${server.url}/ready`);
    expect(missing.status).toBe(503);
    expect((await send(`${server.url}/health`)).status).toBe(200);
    await applySchema(graph);
    expect((await send(`${server.url}/ready`)).status).toBe(200);
  });
});
